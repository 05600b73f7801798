using Boards.Membership.Domain.IntegratorClients;

namespace Boards.Membership.Features.IntegratorClients;

/// <summary>An integrator client as the API shows it; never its secret.</summary>
public sealed record IntegratorClientView(
    string ClientId,
    string Name,
    string Institution,
    IReadOnlyList<string> Scopes,
    int RateLimitPerSecond,
    IntegratorClientStatus Status,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? SecretRotatedAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBy,
    string? RevokedReason)
{
    public static IntegratorClientView From(IntegratorClient client) => new(
        client.ClientId, client.Name, client.Institution, client.Scopes, client.RateLimitPerSecond, client.Status,
        client.CreatedAt, client.CreatedBy, client.SecretRotatedAt, client.RevokedAt, client.RevokedBy, client.RevokedReason);
}

/// <summary>
/// The answer to a registration or a rotation: the client and its secret, shown this once. Membership does not keep it
/// (only the identity provider does); a lost secret is replaced by rotating it.
/// </summary>
public sealed record IntegratorClientWithSecret(
    string ClientId,
    string Name,
    string Institution,
    IReadOnlyList<string> Scopes,
    int RateLimitPerSecond,
    IntegratorClientStatus Status,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? SecretRotatedAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBy,
    string? RevokedReason,
    string Secret)
{
    public static IntegratorClientWithSecret From(IntegratorClient client, string secret) => new(
        client.ClientId, client.Name, client.Institution, client.Scopes, client.RateLimitPerSecond, client.Status,
        client.CreatedAt, client.CreatedBy, client.SecretRotatedAt, client.RevokedAt, client.RevokedBy, client.RevokedReason, secret);
}
