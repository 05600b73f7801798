using Boards.Needs.Contracts.Grpc;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Boards.Referrals.Features.ServiceAvailability;

public static class ServiceAvailabilityRegistration
{
    public static IServiceCollection AddServiceAvailability(this IServiceCollection services)
    {
        services.AddOptions<NeedsOptions>().BindConfiguration(NeedsOptions.Section);
        services.AddHttpContextAccessor();
        services.AddScoped<IServiceAvailability, GrpcServiceAvailability>();
        services.AddGrpcClient<OfferCatalog.OfferCatalogClient>(GrpcServiceAvailability.ClientName, (provider, client) =>
                client.Address = new Uri(provider.GetRequiredService<IOptions<NeedsOptions>>().Value.Address!))
            // The service defaults add the standard resilience handler to every HttpClient: retries and a 30 s total
            // timeout on top of our deadline. One attempt within the deadline, then the referral goes on unverified.
            // (RemoveAllResilienceHandlers does the same but is still experimental.)
            .ConfigureAdditionalHttpMessageHandlers(static (handlers, _) =>
            {
                for (var i = handlers.Count - 1; i >= 0; i--)
                {
                    if (handlers[i] is ResilienceHandler)
                    {
                        handlers.RemoveAt(i);
                    }
                }
            });
        return services;
    }
}
