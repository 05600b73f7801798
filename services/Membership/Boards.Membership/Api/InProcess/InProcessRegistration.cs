using Boards.BuildingBlocks.Api.Calls;
using Boards.Membership.Contracts.Calls;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Boards.Membership.Api.InProcess;

public static class InProcessRegistration
{
    /// <summary>
    /// Membership's side of the calls other modules make to it (docs/architecture.md, "Calls between modules").
    /// Replace, not TryAdd: in one process with Membership, the in-process board service wins over a caller's gRPC
    /// client whichever module was added first. In Membership's own service nobody asks for it.
    /// </summary>
    public static IServiceCollection AddMembershipInProcessCalls(this IServiceCollection services)
    {
        services.AddInProcessCalls();
        services.Replace(ServiceDescriptor.Singleton<IBoardService, InProcessBoardService>());
        return services;
    }
}
