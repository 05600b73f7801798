using System.Security.Claims;

namespace Boards.ServiceDefaults.Authentication;

/// <summary>Who is calling, read once from the token: the input to every scope check.</summary>
public sealed record Caller(
    string Subject,
    string DisplayName,
    IReadOnlySet<string> Roles,
    string? Municipality,
    string? Institution,
    IReadOnlySet<string>? ServedMunicipalities = null)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>
    /// An institution officer serves in the municipalities their token lists (attribute <c>municipalities</c>, several
    /// allowed); without it they serve nowhere. Integrators are national for their institution, so this is not asked of them.
    /// </summary>
    public bool ServesIn(string municipalityCode) =>
        ServedMunicipalities is { } served && served.Contains(municipalityCode);

    public bool IsMinistry => IsInRole(BoardsRoles.MinistryAnalyst) || IsInRole(BoardsRoles.MinistryAdmin);

    public static Caller From(ClaimsPrincipal principal)
    {
        var subject = principal.FindFirstValue(BoardsClaimTypes.Subject) ?? "anonymous";
        var name = principal.FindFirstValue(BoardsClaimTypes.UserName)
                   ?? principal.FindFirstValue(BoardsClaimTypes.ClientId)
                   ?? subject;
        var roles = principal.FindAll(BoardsClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Caller(
            subject,
            name,
            roles,
            Normalize(principal.FindFirstValue(BoardsClaimTypes.Municipality)),
            Normalize(principal.FindFirstValue(BoardsClaimTypes.Institution)),
            principal.FindAll(BoardsClaimTypes.Municipalities).Select(c => Normalize(c.Value)).OfType<string>()
                .ToHashSet(StringComparer.Ordinal));
    }

    private static string? Normalize(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
}
