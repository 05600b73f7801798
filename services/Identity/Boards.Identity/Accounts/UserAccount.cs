namespace Boards.Identity.Accounts;

/// <summary>
/// A person who can sign in, stored like a Keycloak user: realm roles, and attributes as name to values
/// (<c>municipality</c> and <c>institution</c> live there). Tokens, userinfo and the admin API read it from here.
/// </summary>
public sealed class UserAccount
{
    public const string MunicipalityAttribute = "municipality";
    public const string InstitutionAttribute = "institution";

    /// <summary>Where an institution officer serves: several municipality codes (multi-valued, unlike the others).</summary>
    public const string MunicipalitiesAttribute = "municipalities";

    public Guid Id { get; init; }

    /// <summary>Always lower-case, as Keycloak stores it; never changes (the realm does not allow editing it).</summary>
    public required string UserName { get; init; }

    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public bool Enabled { get; set; }
    public List<string> RealmRoles { get; set; } = [];
    public Dictionary<string, List<string>> Attributes { get; set; } = new(StringComparer.Ordinal);
    /// <summary>
    /// The client whose service account this is (Keycloak's service-account link), for clients registered through the
    /// admin API: its realm roles go into the client's tokens. Nobody signs in as a service account, and user searches
    /// leave it out, as Keycloak's do.
    /// </summary>
    public string? ServiceAccountClientId { get; init; }

    public bool IsServiceAccount => ServiceAccountClientId is not null;

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin: two writers of the same row cannot both win silently.</summary>
    public uint Version { get; private set; }

    /// <summary>The <c>sub</c> of this person's tokens.</summary>
    public string Subject => Id.ToString();

    /// <summary>Keycloak's full-name mapper: first and last name joined, or whichever is present.</summary>
    public string? FullName =>
        string.Join(' ', new[] { FirstName, LastName }.Where(part => !string.IsNullOrWhiteSpace(part))) is { Length: > 0 } name
            ? name
            : null;

    /// <summary>The first value, as Keycloak's single-valued attribute mapper writes it into the token.</summary>
    public string? Attribute(string name) =>
        Attributes.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>Every value, as Keycloak's multi-valued attribute mapper writes them into the token.</summary>
    public IReadOnlyList<string> Values(string name) =>
        Attributes.TryGetValue(name, out var values) ? values : [];

    public static string NormalizeUserName(string userName) => userName.Trim().ToLowerInvariant();
}
