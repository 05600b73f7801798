using Boards.Membership.Contracts.Events;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// Keeps one row per board session (the summary's sessions, early-warning rule 4). A re-published session (same
/// SessionVersion) or an older version changes nothing; a newer version replaces the row.
/// </summary>
public sealed class SessionHeldProjection : IReadModelProjection<SessionHeld>
{
    public async Task<string?> ApplyAsync(MonitoringDbContext db, SessionHeld message, CancellationToken cancellationToken)
    {
        var reading = SessionMapping.ToReading(message);
        var (row, inserted) = await db.LockOrInsertAsync(
            () => db.LockSessionAsync(reading.SessionId, cancellationToken),
            () => BoardSession.From(reading),
            $"Session {reading.SessionId}",
            cancellationToken);
        return inserted || row.Apply(reading) ? reading.Code : null;
    }
}

public static class SessionMapping
{
    /// <summary>Code normalized, time in UTC. A session without a municipality breaks the contract and faults.</summary>
    public static SessionReading ToReading(SessionHeld message)
    {
        var code = MunicipalityCodes.Normalize(message.MunicipalityCode);
        if (code.Length == 0)
        {
            throw new InvalidOperationException($"SessionHeld {message.SessionId} arrived without a municipality code.");
        }

        return new SessionReading(message.SessionId, code, message.Date, message.SessionVersion, message.OccurredAt.ToUniversalTime());
    }
}
