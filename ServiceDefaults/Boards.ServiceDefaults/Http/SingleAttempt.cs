using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Boards.ServiceDefaults.Http;

public static class SingleAttempt
{
    /// <summary>
    /// The service defaults add the standard resilience handler to every HttpClient: retries and a 30 s total timeout.
    /// A call made while a person waits (or with its own deadline) gets one attempt instead; the caller says what
    /// happens when it fails. (RemoveAllResilienceHandlers does the same but is still experimental.)
    /// </summary>
    public static IHttpClientBuilder WithoutResilience(this IHttpClientBuilder builder) =>
        builder.ConfigureAdditionalHttpMessageHandlers(static (handlers, _) =>
        {
            for (var i = handlers.Count - 1; i >= 0; i--)
            {
                if (handlers[i] is ResilienceHandler)
                {
                    handlers.RemoveAt(i);
                }
            }
        });
}
