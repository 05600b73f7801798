namespace Boards.Notifications.Domain;

/// <summary>A user of the identity provider, as Notifications needs them: who, where to write, and their role and scope.</summary>
public sealed record Person(
    string Subject,
    string UserName,
    string? Email,
    bool Enabled,
    IReadOnlySet<string> Roles,
    string? Municipality,
    string? Institution,
    IReadOnlySet<string> Municipalities);
