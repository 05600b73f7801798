using Boards.ServiceDefaults.Discovery;
using Boards.ServiceDefaults.Http;
using Boards.Needs.Contracts.Grpc;
using Microsoft.Extensions.Options;

namespace Boards.Referrals.Features.ServiceAvailability;

public static class ServiceAvailabilityRegistration
{
    public static IServiceCollection AddServiceAvailability(this IServiceCollection services)
    {
        services.AddOptions<NeedsOptions>().BindConfiguration(NeedsOptions.Section);
        services.AddHttpContextAccessor();
        services.AddScoped<IServiceAvailability, GrpcServiceAvailability>();
        services.AddSingleton<AvailabilityCache>();
        services.AddSingleton<NeedsCatalogChannel>();
        services.AddGrpcClient<OfferCatalog.OfferCatalogClient>(GrpcServiceAvailability.ClientName, (provider, client) =>
                client.Address = new Uri(provider.GetRequiredService<IOptions<NeedsOptions>>().Value.Address!))
            // One attempt within the deadline, then the referral goes on unverified.
            .WithoutResilience()
            // http://_grpc.needs: each call to the next needs replica (docs/configuration.md, "gRPC balancing").
            .BalancedPerCall();
        return services;
    }
}
