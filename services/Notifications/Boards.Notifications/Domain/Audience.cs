namespace Boards.Notifications.Domain;

/// <summary>
/// Whom an announcement is for, by role and scope, resolved against the identity provider's users when it is fanned
/// out (not when the event arrives: the provider may be down then, and nothing must be lost).
/// </summary>
public sealed record Audience(string Role, string? Municipality, string? Institution)
{
    /// <summary>Officers of an institution who serve in the municipality (attribute <c>municipalities</c>).</summary>
    public static Audience Officers(string institution, string municipality) => new(BoardsRoles.InstitutionOfficer, municipality, institution);

    public static Audience FocalPoint(string municipality) => new(BoardsRoles.FocalPoint, municipality, null);

    public static Audience Analysts() => new(BoardsRoles.MinistryAnalyst, null, null);

    public bool Includes(Person person) =>
        person.Enabled && person.Roles.Contains(Role) && Role switch
        {
            BoardsRoles.InstitutionOfficer => Same(person.Institution, Institution) && person.Municipalities.Contains(Municipality ?? ""),
            BoardsRoles.FocalPoint => Same(person.Municipality, Municipality),
            _ => true,
        };

    private static bool Same(string? a, string? b) => a is not null && b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
