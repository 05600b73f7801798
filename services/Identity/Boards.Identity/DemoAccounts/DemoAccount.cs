namespace Boards.Identity.DemoAccounts;

/// <summary>A person who can sign in; the token claims come from here.</summary>
public sealed record DemoAccount(
    string UserName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    string? Municipality = null,
    string? Institution = null)
{
    /// <summary>Keycloak gives users a UUID subject; a stable one derived from the user name does the same here.</summary>
    public string Subject { get; } = StableSubject.For("user:" + UserName);
}
