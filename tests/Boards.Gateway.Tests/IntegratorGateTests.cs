using System.Net;
using System.Text.Json;

namespace Boards.Gateway.Tests;

/// <summary>
/// The gateway's gate for integrator tokens, with real tokens from our identity provider: the route's area must be in
/// the token's scopes, Membership's access check is asked before forwarding (every call by default, or reused for a
/// while when configured), a refusal is 403 / PermissionDenied, Membership unreachable is 503 / Unavailable, and
/// people's tokens pass as before.
/// </summary>
public sealed class IntegratorGateTests(IntegratorGatewayFixture fixture) : IClassFixture<IntegratorGatewayFixture>
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static HttpRequestMessage Grpc(string token) => new(HttpMethod.Post, "/boards.referrals.v1.ReferralService/ListReferrals")
    {
        Headers = { Authorization = new("Bearer", token) },
        Content = new ByteArrayContent([0, 0, 0, 0, 0]) { Headers = { ContentType = new("application/grpc") } },
    };

    [Fact]
    public async Task An_integrator_reaches_the_routes_of_its_areas_and_membership_is_asked_on_every_call()
    {
        var gateway = fixture.Gateway();
        var (_, token) = await fixture.IntegratorAsync(null, "referrals");
        using var client = IntegratorGatewayFixture.Client(gateway, token);
        var (asked, forwarded) = (fixture.Stubs.AccessChecks, fixture.Stubs.Forwarded);

        using var first = await client.GetAsync("/api/referrals");
        using var second = await client.GetAsync("/api/referrals?page=2");
        using var institutions = await client.GetAsync("/api/institutions");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { first.StatusCode, second.StatusCode, institutions.StatusCode });
        Assert.Equal(asked + 3, fixture.Stubs.AccessChecks);
        Assert.Equal(forwarded + 3, fixture.Stubs.Forwarded);
    }

    [Fact]
    public async Task A_route_outside_the_tokens_areas_is_403_before_membership_or_the_service_is_asked()
    {
        var gateway = fixture.Gateway();
        var (_, token) = await fixture.IntegratorAsync(null, "plans");
        using var client = IntegratorGatewayFixture.Client(gateway, token);
        var (asked, forwarded) = (fixture.Stubs.AccessChecks, fixture.Stubs.Forwarded);

        var referrals = await ProblemAsync(await client.GetAsync("/api/referrals"), HttpStatusCode.Forbidden);
        var institutions = await ProblemAsync(await client.GetAsync("/api/institutions"), HttpStatusCode.Forbidden);
        using var grpc = await client.SendAsync(Grpc(token));
        using var plans = await client.GetAsync("/api/plans");

        Assert.Equal("Acceso del cliente integrador denegado.", referrals.GetProperty("title").GetString());
        Assert.Contains("boards-referrals", referrals.GetProperty("detail").GetString());
        Assert.Contains("boards-referrals", institutions.GetProperty("detail").GetString());
        Assert.Equal("7", grpc.Headers.GetValues("grpc-status").Single());
        Assert.Equal(HttpStatusCode.OK, plans.StatusCode);
        Assert.Equal(asked + 1, fixture.Stubs.AccessChecks);
        Assert.Equal(forwarded + 1, fixture.Stubs.Forwarded);
    }

    [Fact]
    public async Task A_revoked_integrator_is_refused_over_rest_and_grpc_and_nothing_reaches_the_service()
    {
        var gateway = fixture.Gateway();
        var (clientId, token) = await fixture.IntegratorAsync(null, "referrals");
        using var client = IntegratorGatewayFixture.Client(gateway, token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/referrals")).StatusCode);
        var forwarded = fixture.Stubs.Forwarded;

        fixture.Stubs.Revoked[clientId] = true;
        var rest = await ProblemAsync(await client.GetAsync("/api/referrals"), HttpStatusCode.Forbidden);
        using var grpc = await client.SendAsync(Grpc(token));

        Assert.Equal("Este cliente integrador fue revocado.", rest.GetProperty("detail").GetString());
        Assert.Equal("7", grpc.Headers.GetValues("grpc-status").Single());
        Assert.Equal("Este cliente integrador fue revocado.", Uri.UnescapeDataString(grpc.Headers.GetValues("grpc-message").Single()));
        Assert.Equal(forwarded, fixture.Stubs.Forwarded);
    }

    [Fact]
    public async Task When_membership_does_not_answer_integrators_get_503_and_people_pass()
    {
        var gateway = fixture.Gateway(membership: "http://127.0.0.1:9");
        var demo = await fixture.DemoIntegratorTokenAsync();
        using var integrator = IntegratorGatewayFixture.Client(gateway, demo);
        using var person = IntegratorGatewayFixture.Client(gateway, await fixture.FocalPointTokenAsync());
        var forwarded = fixture.Stubs.Forwarded;

        using var rest = await integrator.GetAsync("/api/plans");
        using var grpc = await integrator.SendAsync(Grpc(demo));
        using var people = await person.GetAsync("/api/plans");

        var problem = await ProblemAsync(rest, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("cliente integrador", problem.GetProperty("detail").GetString());
        Assert.True(rest.Headers.Contains("Retry-After"));
        Assert.Equal("14", grpc.Headers.GetValues("grpc-status").Single());
        Assert.Equal(HttpStatusCode.OK, people.StatusCode);
        Assert.Equal(forwarded + 1, fixture.Stubs.Forwarded);
    }

    [Fact]
    public async Task Peoples_tokens_are_neither_checked_nor_limited_to_areas()
    {
        var gateway = fixture.Gateway();
        using var person = IntegratorGatewayFixture.Client(gateway, await fixture.FocalPointTokenAsync());
        var asked = fixture.Stubs.AccessChecks;

        using var plans = await person.GetAsync("/api/plans");
        using var referrals = await person.GetAsync("/api/referrals");

        Assert.Equal(HttpStatusCode.OK, plans.StatusCode);
        Assert.Equal(HttpStatusCode.OK, referrals.StatusCode);
        Assert.Equal(asked, fixture.Stubs.AccessChecks);
    }

    [Fact]
    public async Task Integrator_demo_has_every_area()
    {
        var gateway = fixture.Gateway();
        using var demo = IntegratorGatewayFixture.Client(gateway, await fixture.DemoIntegratorTokenAsync());

        foreach (var path in new[] { "/api/referrals", "/api/institutions", "/api/monitoring/national", "/api/offer/alto-vera/services",
                     "/api/needs/rounds", "/api/service-days", "/api/plans", "/api/notifications" })
        {
            using var response = await demo.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task With_a_cache_an_allowed_answer_is_reused_for_the_same_token_and_a_refusal_never_is()
    {
        var gateway = fixture.Gateway(new Dictionary<string, string> { ["Gateway:Integrators:AccessCacheFor"] = "00:05:00" });
        var (_, allowedToken) = await fixture.IntegratorAsync(null, "plans");
        var (revokedId, revokedToken) = await fixture.IntegratorAsync(null, "plans");
        fixture.Stubs.Revoked[revokedId] = true;
        using var allowed = IntegratorGatewayFixture.Client(gateway, allowedToken);
        using var revoked = IntegratorGatewayFixture.Client(gateway, revokedToken);

        var asked = fixture.Stubs.AccessChecks;
        Assert.Equal(HttpStatusCode.OK, (await allowed.GetAsync("/api/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await allowed.GetAsync("/api/plans")).StatusCode);
        var askedForAllowed = fixture.Stubs.AccessChecks - asked;
        Assert.Equal(HttpStatusCode.Forbidden, (await revoked.GetAsync("/api/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await revoked.GetAsync("/api/plans")).StatusCode);

        Assert.Equal(1, askedForAllowed);
        Assert.Equal(asked + 3, fixture.Stubs.AccessChecks);
    }

    [Fact]
    public async Task An_integrators_bucket_follows_its_rate_limit_claim()
    {
        var gateway = fixture.Gateway(new Dictionary<string, string> { ["Gateway:RateLimit:Burst"] = "3", ["Gateway:RateLimit:PermitsPerSecond"] = "1" });
        var (_, generous) = await fixture.IntegratorAsync(50, "plans");
        var (_, strict) = await fixture.IntegratorAsync(1, "plans");
        using var generousClient = IntegratorGatewayFixture.Client(gateway, generous);
        using var strictClient = IntegratorGatewayFixture.Client(gateway, strict);
        using var demoClient = IntegratorGatewayFixture.Client(gateway, await fixture.DemoIntegratorTokenAsync());

        var (generousBefore, generousRejected) = await GatewayHost.SendUntilRejectedAsync(generousClient, GatewayHost.Get("/api/plans"), limit: 12);
        var (strictBefore, strictRejected) = await GatewayHost.SendUntilRejectedAsync(strictClient, GatewayHost.Get("/api/plans"));
        var (demoBefore, demoRejected) = await GatewayHost.SendUntilRejectedAsync(demoClient, GatewayHost.Get("/api/plans"));

        Assert.Null(generousRejected); // above the default budget of 3: its own 50 a second
        Assert.Equal(12, generousBefore.Count);
        Assert.NotNull(strictRejected);
        Assert.InRange(strictBefore.Count, 1, 2);
        var problem = await ProblemAsync(strictRejected, HttpStatusCode.TooManyRequests);
        Assert.Contains("superó 1 solicitudes por segundo", problem.GetProperty("detail").GetString());
        Assert.NotNull(demoRejected); // no claim: the default budget
        Assert.InRange(demoBefore.Count, 3, 5);
    }

    [Fact]
    public async Task The_rate_limit_claim_is_capped_by_configuration()
    {
        var gateway = fixture.Gateway(new Dictionary<string, string> { ["Gateway:Integrators:MaxRateLimit"] = "2" });
        var (_, token) = await fixture.IntegratorAsync(500, "plans");
        using var client = IntegratorGatewayFixture.Client(gateway, token);

        var (before, rejected) = await GatewayHost.SendUntilRejectedAsync(client, GatewayHost.Get("/api/plans"));

        Assert.NotNull(rejected);
        Assert.InRange(before.Count, 2, 4);
    }
}
