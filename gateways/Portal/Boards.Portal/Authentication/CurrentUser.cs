using System.Security.Claims;

namespace Boards.Portal.Authentication;

/// <summary>Who is signed in, as the pages need it: display name, roles and scope. The API decides; this only shapes the UI.</summary>
public sealed record CurrentUser(string Name, string UserName, IReadOnlySet<string> Roles, string? Municipality, string? Institution)
{
    /// <summary>Where an institution officer serves (claim <c>municipalities</c>, several values); empty for everyone else.</summary>
    public IReadOnlySet<string> ServedMunicipalities { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The person's id at the identity provider (claim <c>sub</c>): whose notifications are whose.</summary>
    public string? Subject { get; init; }

    public const string FocalPoint = "focal-point";
    public const string Officer = "institution-officer";
    public const string Integrator = "integrator";
    public const string Analyst = "ministry-analyst";
    public const string Admin = "ministry-admin";

    public bool IsFocalPoint => Roles.Contains(FocalPoint) && Municipality is not null;
    public bool IsOfficer => (Roles.Contains(Officer) || Roles.Contains(Integrator)) && Institution is not null;
    public bool IsMinistry => Roles.Contains(Analyst) || Roles.Contains(Admin);
    public bool IsMinistryAdmin => Roles.Contains(Admin);

    public static CurrentUser From(ClaimsPrincipal principal)
    {
        var subject = principal.FindFirstValue(PortalClaims.Subject);
        var userName = principal.FindFirstValue(PortalClaims.UserName) ?? subject ?? "";
        return new CurrentUser(
            principal.FindFirstValue(PortalClaims.Name) ?? userName,
            userName,
            principal.FindAll(PortalClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            principal.FindFirstValue(PortalClaims.Municipality),
            principal.FindFirstValue(PortalClaims.Institution))
        {
            Subject = subject,
            ServedMunicipalities = principal.FindAll(PortalClaims.Municipalities)
                .Select(c => c.Value.Trim().ToLowerInvariant()).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// An institution officer keeps the capacity of their institution's services in the municipalities they serve
    /// (Needs' PUT …/capacity); they see that part of the offer page.
    /// </summary>
    public bool KeepsOfferIn(string municipalityCode) =>
        KeepsAnOffer && ServedMunicipalities.Contains(municipalityCode.Trim().ToLowerInvariant());

    /// <summary>An institution officer with an institution and somewhere to serve: the offer page has a part for them.</summary>
    public bool KeepsAnOffer => Roles.Contains(Officer) && Institution is not null && ServedMunicipalities.Count > 0;

    /// <summary>A board or its plan: the ministry sees every one, a focal point only their own municipality's.</summary>
    public bool CanSeeBoard(string municipalityCode) =>
        IsMinistry || (IsFocalPoint && string.Equals(Municipality, municipalityCode, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Who may change a board (its roster, creating act, sessions): ministry-admin, or the focal point of that municipality.
    /// Membership decides; the portal only offers the forms to them.
    /// </summary>
    public bool CanEditBoard(string municipalityCode) =>
        Roles.Contains(Admin) || (IsFocalPoint && string.Equals(Municipality, municipalityCode.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The sending side of a referral (officer of the origin institution, focal point of the origin municipality).</summary>
    public bool IsOrigin(Referrals.ReferralView r) =>
        (IsFocalPoint && Municipality == r.MunicipalityCode) || (IsOfficer && Institution == r.OriginInstitution);

    /// <summary>The receiving side (officer of the destination institution, focal point of the destination municipality).</summary>
    public bool IsDestination(Referrals.ReferralView r) =>
        (IsFocalPoint && Municipality == r.DestinationMunicipalityCode) || (IsOfficer && Institution == r.DestinationInstitution);
}
