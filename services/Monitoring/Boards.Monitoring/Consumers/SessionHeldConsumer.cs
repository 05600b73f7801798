using Boards.Membership.Contracts.Events;
using Boards.Monitoring.Data;
using Boards.Monitoring.Domain;
using MassTransit;
using Boards.Monitoring.Features.IndicatorsSignal;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// Keeps one row per board session (the summary's sessions, early-warning rule 4). A redelivery is dropped by the inbox;
/// a re-published session (same SessionVersion) or an older version changes nothing; a newer version replaces the row.
/// </summary>
public sealed class SessionHeldConsumer(MonitoringDbContext db, TimeProvider clock, ChangedMunicipalities changed) : ReadModelConsumer<SessionHeld>(db, clock, changed)
{
    protected override string InboxName => "SessionHeldConsumer";

    protected override async Task<string?> ApplyAsync(SessionHeld message, ConsumeContext<SessionHeld> context)
    {
        var reading = SessionMapping.ToReading(message);
        var cancellationToken = context.CancellationToken;

        var row = await Db.LockSessionAsync(reading.SessionId, cancellationToken);
        if (row is null)
        {
            if (await Db.TryInsertAsync(BoardSession.From(reading), cancellationToken))
            {
                return reading.Code;
            }

            row = await Db.LockSessionAsync(reading.SessionId, cancellationToken)
                  ?? throw new InvalidOperationException($"Session {reading.SessionId} vanished after a concurrent insert.");
        }

        return row.Apply(reading) ? reading.Code : null;
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
