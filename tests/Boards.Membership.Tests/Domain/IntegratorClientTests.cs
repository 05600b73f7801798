extern alias identity;

using Boards.Membership.Domain.IntegratorClients;
using RealmScopes = identity::Boards.Identity.Server.BoardsScopes;

namespace Boards.Membership.Tests.Domain;

/// <summary>An integrator client's rules: what a rotation refuses, what a revocation refuses, and that its areas are the realm's.</summary>
public sealed class IntegratorClientTests
{
    private static readonly DateTimeOffset Registered = new(2026, 12, 7, 12, 0, 0, 250, TimeSpan.Zero);

    private static IntegratorClient Client() =>
        IntegratorClient.Register("int-mspbs-abcdefgh", "Sistema", "mspbs", ["referrals"], 10, Registered, "admin");

    [Fact]
    public void A_new_client_allows_its_tokens()
    {
        Assert.Equal(IntegratorAccess.Allowed, Client().AccessFor(Registered.AddSeconds(-5)));
    }

    [Fact]
    public void A_rotation_refuses_every_token_issued_up_to_its_second_and_allows_the_next_second()
    {
        var client = Client();
        var rotatedAt = Registered.AddMinutes(1); // 12:01:00.250

        client.RotateSecret(rotatedAt, "admin");

        Assert.Equal(IntegratorAccess.Rotated, client.AccessFor(new DateTimeOffset(2026, 12, 7, 12, 1, 0, TimeSpan.Zero)));
        Assert.Equal(IntegratorAccess.Allowed, client.AccessFor(new DateTimeOffset(2026, 12, 7, 12, 1, 1, TimeSpan.Zero)));
        Assert.Equal(rotatedAt, client.SecretRotatedAt);
    }

    [Fact]
    public void A_later_rotation_never_moves_the_limit_back()
    {
        var client = Client();
        client.RotateSecret(Registered.AddMinutes(2), "admin");
        client.RotateSecret(Registered.AddMinutes(1), "admin"); // a clock behind

        Assert.Equal(IntegratorAccess.Rotated, client.AccessFor(Registered.AddMinutes(1).AddSeconds(30)));
    }

    [Fact]
    public void A_revoked_client_refuses_every_token_and_cannot_be_rotated_or_revoked_again()
    {
        var client = Client();

        client.Revoke(Registered.AddHours(1), "admin", "Ya no se usa en la institución.");

        Assert.Equal(IntegratorClientStatus.Revoked, client.Status);
        Assert.Equal(IntegratorAccess.Revoked, client.AccessFor(Registered.AddHours(2)));
        Assert.Equal(IntegratorClientRuleException.Revoked, Assert.Throws<IntegratorClientRuleException>(() => client.RotateSecret(Registered.AddHours(2), "admin")).Rule);
        Assert.Throws<IntegratorClientRuleException>(() => client.Revoke(Registered.AddHours(2), "admin", "Otra vez, sin efecto."));
    }

    [Fact]
    public void The_areas_are_the_client_scopes_of_the_realm()
    {
        Assert.Equal(RealmScopes.Areas, IntegratorAreas.All.Select(IntegratorAreas.ScopeOf));
    }
}
