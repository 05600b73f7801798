namespace Boards.Portal.Integrators;

// Membership's integrator clients as GET /api/integrator-clients gives them (docs/integrators.md, "Integrator clients").

public sealed record IntegratorClientView(
    string ClientId,
    string Name,
    string Institution,
    IReadOnlyList<string> Scopes,
    int RateLimitPerSecond,
    string Status,
    DateTimeOffset CreatedAt,
    string? CreatedBy,
    DateTimeOffset? SecretRotatedAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBy,
    string? RevokedReason)
{
    public bool IsRevoked => Status == "revoked";
}

/// <summary>A new client with its secret, which Membership shows only in this answer.</summary>
public sealed record IntegratorClientCreatedView(
    string ClientId,
    string Name,
    string Institution,
    IReadOnlyList<string> Scopes,
    int RateLimitPerSecond,
    string Secret);

/// <summary>A rotated secret, shown only in this answer.</summary>
public sealed record IntegratorSecretView(string ClientId, string Secret, DateTimeOffset? SecretRotatedAt);
