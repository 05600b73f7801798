using Boards.ServiceDefaults.Discovery;
using Boards.ServiceDefaults.Http;
using Boards.Referrals.Contracts.Calls;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.ServiceDays.Features.ReferralsClient;

public static class ReferralSenderRegistration
{
    /// <summary>
    /// The referrals service's CreateReferral: its gRPC client, unless the process hosts Referrals too, whose in-process
    /// adapter then takes <see cref="IReferralService"/> (docs/architecture.md, "Calls between modules").
    /// </summary>
    public static IServiceCollection AddReferralSender(this IServiceCollection services)
    {
        services.AddOptions<ReferralsClientOptions>().BindConfiguration(ReferralsClientOptions.Section);
        services.AddHttpContextAccessor();
        services.AddScoped<ReferralSender>();
        services.TryAddSingleton<IReferralService, GrpcReferralService>();
        services.AddGrpcClient<Proto.ReferralService.ReferralServiceClient>(GrpcReferralService.ClientName, (provider, client) =>
                client.Address = new Uri(provider.GetRequiredService<IOptions<ReferralsClientOptions>>().Value.Address!))
            // One attempt within our deadline; a person retries the entry, and its request id keeps that safe.
            .WithoutResilience()
            // http://_grpc.referrals: each call to the next referrals replica (docs/configuration.md, "gRPC balancing").
            .BalancedPerCall();
        return services;
    }
}
