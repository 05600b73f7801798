using System.Net;

namespace Boards.Gateway.Tests;

/// <summary>
/// Behind an ingress every request comes from the proxy's address. X-Forwarded-For names the person, and is believed only
/// from a trusted proxy (section ForwardedHeaders): then each person has a bucket of their own, and nobody else can
/// escape their bucket by writing the header themselves.
/// </summary>
public sealed class ForwardedHeadersTests : IAsyncLifetime
{
    private const string Ingress = "10.20.30.40";

    private readonly GatewayHost _gateway = new(new Dictionary<string, string> { ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task People_behind_a_trusted_ingress_have_a_bucket_each()
    {
        using var ingress = _gateway.ClientFrom(Ingress);

        var (_, rejected) = await GatewayHost.SendUntilRejectedAsync(ingress, From("198.51.100.7"));
        Assert.NotNull(rejected);
        rejected.Dispose();

        for (var i = 0; i < GatewayHost.Burst; i++)
        {
            using var response = await ingress.SendAsync(From("198.51.100.8")());
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_caller_that_is_not_a_trusted_proxy_cannot_pick_its_bucket_with_the_header()
    {
        using var caller = _gateway.ClientFrom("203.0.113.20");
        var spoofed = 0;

        var (before, rejected) = await GatewayHost.SendUntilRejectedAsync(caller, () => From($"192.0.2.{++spoofed}")());

        Assert.NotNull(rejected);
        rejected.Dispose();
        Assert.InRange(before.Count, GatewayHost.Burst, GatewayHost.Burst + 1);
    }

    private static Func<HttpRequestMessage> From(string person) => () =>
    {
        var request = GatewayHost.Get("/api/referrals")();
        request.Headers.Add("X-Forwarded-For", person);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return request;
    };
}
