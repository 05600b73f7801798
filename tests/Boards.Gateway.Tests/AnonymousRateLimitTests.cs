using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;

namespace Boards.Gateway.Tests;

/// <summary>
/// The gateway refuses callers without a token (401) and limits them per remote address (429): rate limiting runs after
/// authentication and before authorization, so an anonymous flood is throttled before it is refused.
/// </summary>
public sealed class AnonymousRateLimitTests : IAsyncLifetime
{
    private readonly GatewayHost _gateway = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task An_anonymous_caller_gets_401_within_its_bucket_and_then_429_with_spanish_problem_details_and_retry_after()
    {
        using var client = _gateway.ClientFrom("203.0.113.10");

        var (before, rejected) = await GatewayHost.SendUntilRejectedAsync(client, GatewayHost.Get("/api/referrals"));

        // The bucket starts full with Burst tokens; a refill can add one more between requests, never fewer.
        Assert.True(before.Count >= GatewayHost.Burst, $"Expected at least {GatewayHost.Burst} requests before the first 429, got {before.Count}.");
        Assert.All(before, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.NotNull(rejected);
        using (rejected)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
            Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
            var problem = await rejected.Content.ReadFromJsonAsync<ProblemDetails>();
            Assert.NotNull(problem);
            Assert.Equal(429, problem.Status);
            Assert.Equal("Demasiadas solicitudes.", problem.Title);
            Assert.Contains("solicitudes por segundo", problem.Detail, StringComparison.Ordinal);

            var retryAfter = Assert.Single(rejected.Headers.GetValues("Retry-After"));
            Assert.True(int.TryParse(retryAfter, out var seconds), $"Retry-After must be whole seconds, was '{retryAfter}'.");
            Assert.InRange(seconds, 1, 60);
        }
    }

    [Fact]
    public async Task The_401_is_a_bearer_challenge_and_the_unreachable_authority_is_never_needed()
    {
        using var client = _gateway.ClientFrom("203.0.113.11");

        using var response = await client.GetAsync("/api/referrals");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Anonymous_callers_are_partitioned_by_remote_address()
    {
        using var flooder = _gateway.ClientFrom("198.51.100.1");
        using var neighbour = _gateway.ClientFrom("198.51.100.2");

        var (_, rejected) = await GatewayHost.SendUntilRejectedAsync(flooder, GatewayHost.Get("/api/referrals"));
        Assert.NotNull(rejected);
        rejected.Dispose();

        // Another address has its own full bucket: its first requests are refused for the token, not for the rate.
        for (var i = 0; i < GatewayHost.Burst; i++)
        {
            using var response = await neighbour.GetAsync("/api/referrals");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("GET", "/api/referrals/0198c0de-0000-7000-8000-000000000000")]
    [InlineData("GET", "/api/municipalities")]
    [InlineData("GET", "/api/institutions")]
    [InlineData("GET", "/api/monitoring/municipalities")]
    [InlineData("POST", "/boards.referrals.v1.ReferralService/CreateReferral")]
    [InlineData("POST", "/boards.monitoring.v1.MonitoringService/GetMunicipalityIndicators")]
    public async Task Every_proxied_route_is_rate_limited_per_client(string method, string path)
    {
        using var client = _gateway.ClientFrom("192.0.2.50");

        var (before, rejected) = await GatewayHost.SendUntilRejectedAsync(client, () => new HttpRequestMessage(new HttpMethod(method), path));

        Assert.NotNull(rejected);
        rejected.Dispose();
        Assert.True(before.Count >= GatewayHost.Burst);
        Assert.All(before, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
    }

    [Fact]
    public async Task A_path_that_is_not_a_route_is_refused_but_never_rate_limited()
    {
        using var client = _gateway.ClientFrom("192.0.2.60");

        var (before, rejected) = await GatewayHost.SendUntilRejectedAsync(client, GatewayHost.Get("/not-a-route"), limit: GatewayHost.Burst * 3);

        // The per-client policy belongs to the proxied routes; this shows the 429s above come from them.
        Assert.Null(rejected);
        Assert.Equal(GatewayHost.Burst * 3, before.Count);
    }
}
