using Boards.BuildingBlocks.Api.Calls;
using Boards.Referrals.Contracts.Calls;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Boards.Referrals.Api.InProcess;

public static class InProcessRegistration
{
    /// <summary>
    /// Referrals' side of the calls other modules make to it (docs/architecture.md, "Calls between modules"). Replace,
    /// not TryAdd: in one process with Referrals, the in-process referral service wins over a caller's gRPC client
    /// whichever module was added first. In Referrals' own service nobody asks for it.
    /// </summary>
    public static IServiceCollection AddReferralsInProcessCalls(this IServiceCollection services)
    {
        services.AddInProcessCalls();
        services.Replace(ServiceDescriptor.Singleton<IReferralService, InProcessReferralService>());
        return services;
    }
}
