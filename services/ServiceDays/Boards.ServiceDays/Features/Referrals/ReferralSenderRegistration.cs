using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.ServiceDays.Features.Referrals;

public static class ReferralSenderRegistration
{
    public static IServiceCollection AddReferralSender(this IServiceCollection services)
    {
        services.AddOptions<ReferralsClientOptions>().BindConfiguration(ReferralsClientOptions.Section);
        services.AddHttpContextAccessor();
        services.AddScoped<ReferralSender>();
        services.AddGrpcClient<Proto.ReferralService.ReferralServiceClient>(ReferralSender.ClientName, (provider, client) =>
                client.Address = new Uri(provider.GetRequiredService<IOptions<ReferralsClientOptions>>().Value.Address!))
            // The service defaults add the standard resilience handler to every HttpClient (retries, a 30 s total timeout).
            // One attempt within our deadline; a person retries the entry, and its request id keeps that safe.
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
