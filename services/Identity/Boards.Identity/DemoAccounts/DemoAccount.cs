namespace Boards.Identity.DemoAccounts;

/// <summary>A demo person as the catalog describes it; seeding turns it into a stored <see cref="UserAccount"/>.</summary>
public sealed record DemoAccount(
    string UserName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    string? Municipality = null,
    string? Institution = null,
    IReadOnlyList<string>? ServesIn = null)
{
    /// <summary>Derived from the user name, so the demo people keep the same <c>sub</c> in every database.</summary>
    public string Subject { get; } = StableSubject.For("user:" + UserName);

    /// <summary>
    /// Where the demo person's e-mail goes: the reserved <c>.test</c> top-level domain (RFC 2606), so no message can
    /// ever reach a real mailbox.
    /// </summary>
    public string Email => $"{UserAccount.NormalizeUserName(UserName)}@{EmailDomain}";

    public const string EmailDomain = "demo.boards.test";

    public UserAccount ToUserAccount(DateTimeOffset now)
    {
        var attributes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (Municipality is not null)
        {
            attributes[UserAccount.MunicipalityAttribute] = [Municipality];
        }

        if (Institution is not null)
        {
            attributes[UserAccount.InstitutionAttribute] = [Institution];
        }

        if (ServesIn is { Count: > 0 })
        {
            attributes[UserAccount.MunicipalitiesAttribute] = [.. ServesIn];
        }

        // The display name is the first name, so Keycloak's full-name mapper gives the same "name" claim as before.
        return new UserAccount
        {
            Id = Guid.Parse(Subject),
            UserName = UserAccount.NormalizeUserName(UserName),
            FirstName = DisplayName,
            Email = Email,
            Enabled = true,
            RealmRoles = [.. Roles],
            Attributes = attributes,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
