using System.Security.Claims;
using Boards.Referrals.Features.Common;
using Boards.Referrals.Tests.Domain;

namespace Boards.Referrals.Tests.Authentication;

/// <summary>Keycloak-shaped tokens: realm_access.roles become role claims, and the caller's scope is read from attributes.</summary>
public sealed class KeycloakRolesClaimsTransformationTests
{
    private readonly KeycloakRolesClaimsTransformation _transformation = new();

    /// <summary>An authenticated identity named and roled as AddBoardsAuthentication configures JwtBearer.</summary>
    private static ClaimsPrincipal Token(params Claim[] claims) =>
        new(new ClaimsIdentity(claims, "Bearer", BoardsClaimTypes.UserName, BoardsClaimTypes.Role));

    private static Claim RealmAccess(string json) => new(BoardsClaimTypes.RealmAccess, json, "JSON");

    private static string[] Roles(ClaimsPrincipal principal) =>
        principal.FindAll(BoardsClaimTypes.Role).Select(c => c.Value).ToArray();

    [Fact]
    public async Task Each_realm_role_becomes_one_role_claim()
    {
        var principal = Token(RealmAccess("""{"roles":["focal-point","offline_access","uma_authorization"]}"""));

        var transformed = await _transformation.TransformAsync(principal);

        Assert.Equal(["focal-point", "offline_access", "uma_authorization"], Roles(transformed));
        Assert.True(transformed.IsInRole("focal-point"));
    }

    [Fact]
    public async Task Running_the_transformation_twice_adds_no_duplicates()
    {
        var principal = Token(RealmAccess("""{"roles":["institution-officer","integrator"]}"""));

        await _transformation.TransformAsync(principal);
        var twice = await _transformation.TransformAsync(principal);

        Assert.Equal(["institution-officer", "integrator"], Roles(twice));
    }

    [Fact]
    public async Task A_role_already_present_or_listed_twice_is_claimed_once()
    {
        var principal = Token(
            new Claim(BoardsClaimTypes.Role, "ministry-analyst"),
            RealmAccess("""{"roles":["ministry-analyst","ministry-analyst","ministry-admin"]}"""));

        var transformed = await _transformation.TransformAsync(principal);

        Assert.Equal(["ministry-analyst", "ministry-admin"], Roles(transformed));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("""["focal-point"]""")]
    [InlineData("""{"roles":"focal-point"}""")]
    [InlineData("""{"groups":["focal-point"]}""")]
    [InlineData("""{"roles":[1, null, "", "  "]}""")]
    public async Task Malformed_realm_access_is_ignored(string json)
    {
        var principal = Token(RealmAccess(json), new Claim(BoardsClaimTypes.Subject, "abc"));

        var transformed = await _transformation.TransformAsync(principal);

        Assert.Empty(Roles(transformed));
        Assert.Equal("abc", transformed.FindFirst(BoardsClaimTypes.Subject)?.Value);
    }

    [Fact]
    public async Task A_malformed_realm_access_claim_does_not_hide_a_good_one()
    {
        var principal = Token(RealmAccess("{oops"), RealmAccess("""{"roles":["integrator"]}"""));

        var transformed = await _transformation.TransformAsync(principal);

        Assert.Equal(["integrator"], Roles(transformed));
    }

    [Fact]
    public async Task An_unauthenticated_principal_gets_no_roles()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity([RealmAccess("""{"roles":["ministry-admin"]}""")]));

        var transformed = await _transformation.TransformAsync(anonymous);

        Assert.Empty(Roles(transformed));
    }

    [Fact]
    public async Task The_caller_reads_roles_and_lowercased_municipality_and_institution_from_the_token()
    {
        var principal = Token(
            new Claim(BoardsClaimTypes.Subject, "3f6c"),
            new Claim(BoardsClaimTypes.UserName, "enlace.altovera"),
            new Claim(BoardsClaimTypes.Municipality, " Alto-Vera "),
            new Claim(BoardsClaimTypes.Institution, "MDS"),
            RealmAccess("""{"roles":["focal-point","institution-officer"]}"""));

        var caller = Caller.From(await _transformation.TransformAsync(principal));

        Assert.Equal("3f6c", caller.Subject);
        Assert.Equal("enlace.altovera", caller.DisplayName);
        Assert.Equal("alto-vera", caller.Municipality);
        Assert.Equal("mds", caller.Institution);
        Assert.True(caller.IsInRole(BoardsRoles.FocalPoint));
        Assert.True(caller.IsInRole(BoardsRoles.InstitutionOfficer));
        Assert.False(caller.IsMinistry);
    }

    [Fact]
    public async Task A_token_spelled_in_capitals_still_reaches_its_own_referrals()
    {
        var principal = Token(
            new Claim(BoardsClaimTypes.Institution, "MDS"),
            RealmAccess("""{"roles":["integrator"]}"""));

        var caller = Caller.From(await _transformation.TransformAsync(principal));

        Assert.True(ReferralAccess.CanActAsOrigin(caller, TestReferrals.New()));
    }

    [Fact]
    public void A_client_credentials_caller_is_named_by_its_client_id_and_blank_scope_claims_are_absent()
    {
        var principal = Token(
            new Claim(BoardsClaimTypes.Subject, "svc-1"),
            new Claim(BoardsClaimTypes.ClientId, "sigbe-integrator"),
            new Claim(BoardsClaimTypes.Municipality, "  "));

        var caller = Caller.From(principal);

        Assert.Equal("sigbe-integrator", caller.DisplayName);
        Assert.Null(caller.Municipality);
        Assert.Null(caller.Institution);
        Assert.Empty(caller.Roles);
    }

    [Fact]
    public void Without_role_claims_the_caller_has_no_roles_even_if_realm_access_is_present()
    {
        // Caller reads role claims only: the transformation must run first (AddBoardsAuthentication registers it).
        var caller = Caller.From(Token(RealmAccess("""{"roles":["ministry-admin"]}""")));

        Assert.False(caller.IsMinistry);
    }
}
