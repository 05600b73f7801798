using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;

namespace Boards.Gateway.Integrators;

/// <summary>
/// Asks Membership (<c>GET http://membership/api/integrator-clients/access</c>, with the integrator's own bearer token)
/// whether the token may still be used: its client not revoked, and the token issued after the last secret rotation.
/// Allowed answers may be reused per token for <see cref="IntegratorOptions.AccessCacheFor"/>; refusals never are.
/// </summary>
public sealed class IntegratorAccessCheck(IHttpClientFactory clients, IMemoryCache cache, IntegratorOptions options, TimeProvider clock, ILogger<IntegratorAccessCheck> log)
{
    public const string ClientName = "integrator-access";
    public const string Path = "/api/integrator-clients/access";

    public abstract record Answer;

    public sealed record Allowed : Answer;

    /// <summary>Membership refused the token; <see cref="Detail"/> is its Spanish reason.</summary>
    public sealed record Refused(string Detail) : Answer;

    /// <summary>Membership did not answer in time or failed: the gateway fails closed.</summary>
    public sealed record Unavailable : Answer;

    public async Task<Answer> AskAsync(string bearerToken, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        var key = CacheKey(bearerToken);
        if (options.AccessCacheFor > TimeSpan.Zero && cache.TryGetValue(key, out _))
        {
            return new Allowed();
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.AccessTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
            using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
            switch (response.StatusCode)
            {
                case HttpStatusCode.NoContent or HttpStatusCode.OK:
                    Remember(key, expiresAt);
                    return new Allowed();
                case HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized:
                    return new Refused(await DetailAsync(response, timeout.Token));
                default:
                    log.LogWarning("Integrator access check answered {Status}", (int)response.StatusCode);
                    return new Unavailable();
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException ||
                                          (exception is OperationCanceledException && !ct.IsCancellationRequested))
        {
            log.LogWarning(exception, "Integrator access check failed");
            return new Unavailable();
        }
    }

    private void Remember(string key, DateTimeOffset? expiresAt)
    {
        if (options.AccessCacheFor <= TimeSpan.Zero)
        {
            return;
        }

        var until = clock.GetUtcNow() + options.AccessCacheFor;
        cache.Set(key, true, expiresAt is { } expiry && expiry < until ? expiry : until);
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response, CancellationToken ct)
    {
        const string fallback = "Este cliente integrador ya no puede usar este token.";
        var body = await response.Content.ReadAsStringAsync(ct);
        if (body.Length == 0)
        {
            return fallback;
        }

        using var problem = JsonDocument.Parse(body);
        return problem.RootElement.ValueKind == JsonValueKind.Object &&
               problem.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String
            ? detail.GetString()!
            : fallback;
    }

    /// <summary>A hash, so that the cache never holds a usable token.</summary>
    private static string CacheKey(string token) => "integrator-access:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
