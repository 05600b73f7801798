using Boards.BuildingBlocks.Inbox;
using Boards.Membership.Contracts.Events;
using MassTransit;

namespace Boards.Planning.Consumers;

/// <summary>Keeps each board session (municipality, date, quorum) for approvals; the highest SessionVersion wins, in any order.</summary>
public sealed class SessionHeldConsumer(PlanningDbContext db, TimeProvider clock)
    : IdempotentConsumer<SessionHeld, PlanningDbContext>(db, clock)
{
    protected override string InboxName => "SessionHeldConsumer";

    protected override async Task HandleAsync(SessionHeld message, ConsumeContext<SessionHeld> context)
    {
        var municipality = message.MunicipalityCode.Trim().ToLowerInvariant();
        // One statement, so two versions racing each other cannot both insert.
        await Db.Database.ExecuteSqlAsync($"""
            INSERT INTO sessions ("SessionId", "MunicipalityCode", "Date", "QuorumReached", "SessionVersion")
            VALUES ({message.SessionId}, {municipality}, {message.Date}, {message.QuorumReached}, {message.SessionVersion})
            ON CONFLICT ("SessionId") DO UPDATE SET
                "MunicipalityCode" = EXCLUDED."MunicipalityCode",
                "Date" = EXCLUDED."Date",
                "QuorumReached" = EXCLUDED."QuorumReached",
                "SessionVersion" = EXCLUDED."SessionVersion"
            WHERE sessions."SessionVersion" < EXCLUDED."SessionVersion"
            """, context.CancellationToken);
    }
}
