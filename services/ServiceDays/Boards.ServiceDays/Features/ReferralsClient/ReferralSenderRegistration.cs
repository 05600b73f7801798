using Boards.ServiceDefaults.Discovery;
using Boards.ServiceDefaults.Http;
using Microsoft.Extensions.Options;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.ServiceDays.Features.ReferralsClient;

public static class ReferralSenderRegistration
{
    public static IServiceCollection AddReferralSender(this IServiceCollection services)
    {
        services.AddOptions<ReferralsClientOptions>().BindConfiguration(ReferralsClientOptions.Section);
        services.AddHttpContextAccessor();
        services.AddScoped<ReferralSender>();
        services.AddGrpcClient<Proto.ReferralService.ReferralServiceClient>(ReferralSender.ClientName, (provider, client) =>
                client.Address = new Uri(provider.GetRequiredService<IOptions<ReferralsClientOptions>>().Value.Address!))
            // One attempt within our deadline; a person retries the entry, and its request id keeps that safe.
            .WithoutResilience()
            // http://_grpc.referrals: each call to the next referrals replica (docs/configuration.md, "gRPC balancing").
            .BalancedPerCall();
        return services;
    }
}
