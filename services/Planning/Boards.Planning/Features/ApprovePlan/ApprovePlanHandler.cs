using Boards.BuildingBlocks.Outbox;
using Boards.Planning.Contracts.Events;

namespace Boards.Planning.Features.ApprovePlan;

/// <summary>The board's decision: the Membership session (with quorum) that approved the plan text of revision expectedRevision.</summary>
public sealed record ApproveCommand
{
    public Guid? SessionId { get; init; }
    public long? ExpectedRevision { get; init; }
}

/// <summary>
/// Approval by the board. Approving names a session of the same municipality with quorum (from the SessionHeld replica)
/// and the revision the board saw; the rules are <see cref="Plan.Approve"/>'s. It locks the structure, keeps the
/// approved structure as version n, and writes PlanApproved in the same SaveChanges.
/// </summary>
public sealed class ApprovePlanHandler(PlanStore store, PlanningDbContext db, PlanCalendar calendar, TimeProvider clock)
{
    public async Task<Plan> HandleAsync(Guid planId, ApproveCommand command, Caller caller, CancellationToken ct)
    {
        var plan = await store.WritableAsync(planId, caller, ct);
        var errors = new FieldErrors();
        if (command.ExpectedRevision is not (>= 1))
        {
            errors.Add("expectedRevision", "Indique la revisión del plan que aprobó la mesa (expectedRevision): se aprueba el texto que se leyó.");
        }

        var session = command.SessionId is { } id && id != Guid.Empty ? await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.SessionId == id, ct) : null;
        if (command.SessionId is null || command.SessionId == Guid.Empty)
        {
            errors.Add("sessionId", "Indique la sesión de la mesa (sessionId) en la que se aprobó el plan.");
        }
        else if (session is null)
        {
            errors.Add("sessionId", $"No se conoce la sesión '{command.SessionId}': regístrela primero en la mesa (Membership) con su asistencia.");
        }
        else if (session.MunicipalityCode != plan.MunicipalityCode)
        {
            errors.Add("sessionId", $"La sesión '{session.SessionId}' es de la mesa de '{session.MunicipalityCode}', no de '{plan.MunicipalityCode}'.");
        }

        errors.ThrowIfAny();
        var sessionUsed = await db.Versions.AnyAsync(v => v.PlanId == plan.Id && v.SessionId == session!.SessionId, ct);
        var now = calendar.Now;
        var version = plan.Approve(session!, command.ExpectedRevision!.Value, sessionUsed, caller.DisplayName, now);
        db.Versions.Add(version);
        db.AddToOutbox(new PlanApproved
        {
            PlanId = plan.Id,
            MunicipalityCode = plan.MunicipalityCode,
            Year = plan.Year,
            Version = plan.Version,
            SessionId = version.SessionId,
            Progress = PlanFigures.Rollup(plan).Progress,
            ObjectiveCount = plan.CurrentObjectives.Count(),
            ActionCount = plan.CurrentActions.Count(),
            ApprovedAt = now,
            OccurredAt = now,
        }, clock);
        await store.SaveAsync(ct);
        return plan;
    }
}
