using System.Net;

namespace Boards.Gateway.Tests;

/// <summary>/health and /alive answer without a token and are never rate limited, even for a caller whose bucket is empty.</summary>
public sealed class HealthEndpointTests : IAsyncLifetime
{
    private readonly GatewayHost _gateway = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Health_and_alive_are_anonymous_and_not_rate_limited_even_after_the_caller_is_throttled()
    {
        using var client = _gateway.ClientFrom("203.0.113.20");
        var (_, rejected) = await GatewayHost.SendUntilRejectedAsync(client, GatewayHost.Get("/api/referrals"));
        Assert.NotNull(rejected); // this caller's bucket is now empty
        rejected.Dispose();

        for (var i = 0; i < GatewayHost.Burst * 3; i++)
        {
            using var alive = await client.GetAsync("/alive");
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
            Assert.Equal("Healthy", await alive.Content.ReadAsStringAsync());

            // Readiness may be Unhealthy (503) here, since nothing else is running; it must never be refused or limited.
            using var health = await client.GetAsync("/health");
            Assert.NotEqual(HttpStatusCode.Unauthorized, health.StatusCode);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, health.StatusCode);
            Assert.Contains(health.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable });
        }
    }

    [Fact]
    public async Task Health_endpoints_do_not_use_the_proxied_routes_bucket()
    {
        using var client = _gateway.ClientFrom("203.0.113.21");

        for (var i = 0; i < GatewayHost.Burst * 3; i++)
        {
            using var alive = await client.GetAsync("/alive");
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
            using var health = await client.GetAsync("/health");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, health.StatusCode);
        }

        // Many health calls later, the caller's bucket for proxied routes is still full.
        for (var i = 0; i < GatewayHost.Burst; i++)
        {
            using var response = await client.GetAsync("/api/referrals");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }
}
