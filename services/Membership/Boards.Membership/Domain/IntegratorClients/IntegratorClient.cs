namespace Boards.Membership.Domain.IntegratorClients;

public enum IntegratorClientStatus
{
    Active,
    Revoked,
}

/// <summary>What the access check answers for a token of this client.</summary>
public enum IntegratorAccess
{
    Allowed,
    Revoked,
    /// <summary>The token was issued before the last secret rotation.</summary>
    Rotated,
}

/// <summary>
/// A system of an institution (Ficha Social, SIIS, …) that calls Boards as a client-credentials client of the identity
/// provider. Membership records who registered it, for which institution, with which API areas and rate limit, and its
/// secret rotations and revocation; the secret itself lives only in the identity provider. Never deleted: a revoked
/// client stays for the audit.
/// </summary>
public sealed class IntegratorClient
{
    private IntegratorClient()
    {
    }

    public Guid Id { get; private init; }

    /// <summary>The identity provider's client id (the token's <c>azp</c>), e.g. <c>int-mspbs-k3v9q2xa</c>.</summary>
    public string ClientId { get; private init; } = "";

    public string Name { get; private init; } = "";

    /// <summary>The institution code it acts for (data/reference/institutions.csv), the token's <c>institution</c>.</summary>
    public string Institution { get; private init; } = "";

    /// <summary>The API areas it may call (<see cref="IntegratorAreas"/>), each a client scope <c>boards-{area}</c>.</summary>
    public string[] Scopes { get; private init; } = [];

    public int RateLimitPerSecond { get; private init; }

    public DateTimeOffset CreatedAt { get; private init; }
    public string CreatedBy { get; private init; } = "";

    /// <summary>Tokens issued before this instant are refused by the access check (the last rotation).</summary>
    public DateTimeOffset NotBefore { get; private set; }

    public DateTimeOffset? SecretRotatedAt { get; private set; }
    public string? SecretRotatedBy { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }
    public string? RevokedReason { get; private set; }

    /// <summary>Whether the identity provider no longer has the client (deleted on revocation).</summary>
    public bool RemovedFromProvider { get; private set; }

    public IntegratorClientStatus Status => RevokedAt is null ? IntegratorClientStatus.Active : IntegratorClientStatus.Revoked;

    public static IntegratorClient Register(
        string clientId, string name, string institution, IReadOnlyList<string> scopes, int rateLimitPerSecond, DateTimeOffset at, string by) => new()
    {
        Id = Guid.CreateVersion7(at),
        ClientId = clientId,
        Name = name,
        Institution = institution,
        Scopes = [.. scopes],
        RateLimitPerSecond = rateLimitPerSecond,
        CreatedAt = at,
        CreatedBy = by,
        // No token of a new client id can be older than the client: nothing to refuse until the first rotation.
        NotBefore = DateTimeOffset.UnixEpoch,
    };

    /// <summary>
    /// The secret was regenerated at the provider, at <paramref name="at"/>: tokens issued before stop passing the access
    /// check. Token times are whole seconds, so the limit is the next whole second: a token of the old secret, issued at
    /// most at <paramref name="at"/>, has an earlier <c>iat</c>.
    /// </summary>
    public void RotateSecret(DateTimeOffset at, string by)
    {
        EnsureActive();
        SecretRotatedAt = at;
        SecretRotatedBy = by;
        var next = NextWholeSecond(at);
        NotBefore = next > NotBefore ? next : NotBefore;
    }

    public void Revoke(DateTimeOffset at, string by, string reason)
    {
        EnsureActive();
        RevokedAt = at;
        RevokedBy = by;
        RevokedReason = reason;
    }

    public void MarkRemovedFromProvider() => RemovedFromProvider = true;

    /// <summary>Whether a token of this client issued at <paramref name="issuedAt"/> may still be used.</summary>
    public IntegratorAccess AccessFor(DateTimeOffset issuedAt) =>
        RevokedAt is not null ? IntegratorAccess.Revoked
        : issuedAt < NotBefore ? IntegratorAccess.Rotated
        : IntegratorAccess.Allowed;

    private void EnsureActive()
    {
        if (RevokedAt is not null)
        {
            throw new IntegratorClientRuleException(IntegratorClientRuleException.Revoked, $"El cliente integrador '{ClientId}' ya fue revocado.");
        }
    }

    public static DateTimeOffset NextWholeSecond(DateTimeOffset at)
    {
        var remainder = at.Ticks % TimeSpan.TicksPerSecond;
        return remainder == 0 ? at : at.AddTicks(TimeSpan.TicksPerSecond - remainder);
    }
}

/// <summary>The client's state does not allow the change (REST 409 with the rule).</summary>
public sealed class IntegratorClientRuleException(string rule, string message) : Exception(message)
{
    public const string Revoked = "integrator_client_revoked";

    public string Rule { get; } = rule;
}
