using System.Net;
using Boards.Membership.Tests.Integration.Limits;
using Boards.Testing;

namespace Boards.Membership.Tests.Integration.IntegratorClients;

/// <summary>
/// Without the identity link (no Membership:IdentityLink:ClientSecret) a client cannot be made at the provider: the
/// registration is a 503 saying why, no secret is given, and the client id is kept as revoked, so that a client the
/// provider might have made can never pass the access check.
/// </summary>
public sealed class WithoutIdentityLinkTests(MembershipTokenHost host) : IClassFixture<MembershipTokenHost>
{
    [Fact]
    public async Task A_registration_the_provider_cannot_complete_is_503_and_its_client_id_stays_revoked()
    {
        using var admin = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAdmin));

        var problem = await (await admin.PostJsonAsync("/api/integrator-clients",
            new { name = "Sistema de prueba", institution = "mec", scopes = new[] { "referrals" }, rateLimitPerSecond = 5 }))
            .JsonAsync(HttpStatusCode.ServiceUnavailable);
        var listed = await (await admin.GetAsync("/api/integrator-clients")).JsonAsync(HttpStatusCode.OK);

        Assert.Contains("Membership:IdentityLink:ClientSecret", problem.Str("detail"));
        Assert.False(problem.TryGetProperty("secret", out _));
        var client = Assert.Single(listed.EnumerateArray());
        Assert.Equal("revoked", client.Str("status"));
        Assert.Equal("sistema", client.Str("revokedBy"));
    }
}
