extern alias membership;

using membership::Boards.Membership.Features.IdentityLink.IdentityProvider;
using FocalPointAccess = membership::Boards.Membership.Features.IdentityLink.KeycloakFocalPointAccess;

namespace Boards.Identity.Tests;

/// <summary>
/// Membership's Keycloak client (the implementation behind its IFocalPointAccess) against this provider's admin API:
/// a grant shows in the next token, a revocation takes it out, and a revocation never touches another municipality's
/// focal point.
/// </summary>
public sealed class FocalPointAccessTests(DevelopmentIdentity identity) : IClassFixture<DevelopmentIdentity>
{
    private FocalPointAccess Access(string secret = AdminApiClient.MembershipSecret) => new(new KeycloakUserAdmin(
        identity.CreateClient(),
        new KeycloakAdminOptions(new Uri(identity.BaseAddress, "/realms/boards"), AdminApiClient.MembershipClient, secret),
        TimeProvider.System));

    private async Task<(string[] Roles, string? Municipality)> TokenOfAsync(string username)
    {
        var tokens = await Protocol.PasswordAsync(identity.CreateClient(), username);
        Assert.NotNull(tokens.AccessToken);
        var payload = Protocol.Payload(tokens.AccessToken);
        var roles = payload.TryGetProperty("realm_access", out var access)
            ? access.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray()
            : [];
        return (roles, payload.TryGetProperty("municipality", out var municipality) ? municipality.GetString() : null);
    }

    [Fact]
    public async Task A_grant_creates_the_account_and_the_next_token_carries_the_focal_point_scope()
    {
        var username = $"punto.{Guid.NewGuid():N}"[..20];

        await Access().GrantAsync(username, "alto-vera", CancellationToken.None);
        var granted = await TokenOfAsync(username);
        await Access().RevokeAsync(username, "alto-vera", CancellationToken.None);
        var revoked = await TokenOfAsync(username);

        Assert.Equal(["focal-point"], granted.Roles);
        Assert.Equal("alto-vera", granted.Municipality);
        Assert.Empty(revoked.Roles);
        Assert.Null(revoked.Municipality);
    }

    [Fact]
    public async Task A_revocation_for_another_municipality_leaves_the_current_scope_alone()
    {
        var username = $"punto.{Guid.NewGuid():N}"[..20];
        await Access().GrantAsync(username, "pilar", CancellationToken.None);
        await Access().GrantAsync(username, "yhu", CancellationToken.None);

        await Access().RevokeAsync(username, "pilar", CancellationToken.None);
        var token = await TokenOfAsync(username);

        Assert.Equal(["focal-point"], token.Roles);
        Assert.Equal("yhu", token.Municipality);
    }

    [Fact]
    public async Task A_wrong_secret_is_a_permanent_failure_with_a_spanish_reason()
    {
        var error = await Assert.ThrowsAsync<IdentityAdminException>(() =>
            Access(secret: "incorrecto").GrantAsync("alguien", "pilar", CancellationToken.None));

        Assert.False(error.Transient);
        Assert.Contains("cuenta de servicio", error.Message, StringComparison.Ordinal);
    }
}
