using Boards.BuildingBlocks.Inbox;
using Boards.Membership.Contracts.Events;
using Boards.Monitoring.Data;
using Boards.Monitoring.Domain;
using Boards.Monitoring.Domain.EarlyWarnings;
using MassTransit;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// Keeps the date of the latest board session per municipality (early warnings, rule 4). A redelivery is dropped by the
/// inbox; a session not later than the one held changes nothing.
/// </summary>
public sealed class SessionHeldConsumer(MonitoringDbContext db, TimeProvider clock)
    : IdempotentConsumer<SessionHeld, MonitoringDbContext>(db, clock)
{
    protected override async Task HandleAsync(SessionHeld message, ConsumeContext<SessionHeld> context)
    {
        var code = MunicipalityCodes.Normalize(message.MunicipalityCode);
        if (code.Length == 0)
        {
            throw new InvalidOperationException($"SessionHeld {message.SessionId} arrived without a municipality code.");
        }

        var at = message.OccurredAt.ToUniversalTime();
        var cancellationToken = context.CancellationToken;
        var row = await Db.LockSessionAsync(code, cancellationToken);
        if (row is null)
        {
            if (await Db.TryInsertAsync(MunicipalitySession.From(code, message.SessionId, message.Date, at), cancellationToken))
            {
                return;
            }

            row = await Db.LockSessionAsync(code, cancellationToken)
                  ?? throw new InvalidOperationException($"Session row of {code} vanished after a concurrent insert.");
        }

        row.Apply(message.SessionId, message.Date, at);
    }
}
