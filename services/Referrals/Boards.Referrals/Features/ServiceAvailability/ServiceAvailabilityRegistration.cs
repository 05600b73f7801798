using Boards.ServiceDefaults.Discovery;
using Boards.ServiceDefaults.Http;
using Boards.Needs.Contracts.Calls;
using Boards.Needs.Contracts.Grpc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Boards.Referrals.Features.ServiceAvailability;

public static class ServiceAvailabilityRegistration
{
    /// <summary>
    /// The offer catalog from Needs: its gRPC client, unless the process hosts Needs too, whose in-process adapter then
    /// takes <see cref="IOfferCatalog"/> (docs/architecture.md, "Calls between modules").
    /// </summary>
    public static IServiceCollection AddServiceAvailability(this IServiceCollection services)
    {
        services.AddOptions<NeedsOptions>().BindConfiguration(NeedsOptions.Section);
        services.AddHttpContextAccessor();
        services.AddScoped<IServiceAvailability, OfferCatalogAvailability>();
        services.TryAddSingleton<IOfferCatalog, GrpcOfferCatalog>();
        services.AddSingleton<AvailabilityCache>();
        services.AddSingleton<NeedsCatalogChannel>();
        services.AddGrpcClient<OfferCatalog.OfferCatalogClient>(GrpcOfferCatalog.ClientName, (provider, client) =>
                client.Address = new Uri(provider.GetRequiredService<IOptions<NeedsOptions>>().Value.Address!))
            // One attempt within the deadline, then the referral goes on unverified.
            .WithoutResilience()
            // http://_grpc.needs: each call to the next needs replica (docs/configuration.md, "gRPC balancing").
            .BalancedPerCall();
        return services;
    }
}
