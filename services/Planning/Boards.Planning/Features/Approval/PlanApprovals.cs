using Boards.BuildingBlocks.Errors;
using Boards.BuildingBlocks.Outbox;
using Boards.Planning.Contracts.Events;
using Boards.Planning.Domain.Plans;
using Boards.Planning.Domain.Versions;
using Boards.Planning.Features.Common;
using Boards.Planning.Features.Plans;
using Boards.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Boards.Planning.Features.Approval;

/// <summary>
/// Approval by the board and amendments. Approving names a session of the same municipality with quorum (from the
/// SessionHeld replica) and the revision the board saw; it locks the structure, keeps the approved structure as
/// version n, and writes PlanApproved. An amendment turns the approved plan into draft n+1 (execution continues);
/// its diff against n is field by field.
/// </summary>
public sealed class PlanApprovals(PlanStore store, TimeProvider clock)
{
    public async Task<Plan> ApproveAsync(Guid planId, ApproveCommand command, Caller caller, CancellationToken ct)
    {
        var plan = await store.LoadAsync(planId, tracking: true, ct);
        PlanAccess.EnsureCanEdit(caller, plan.MunicipalityCode);
        var errors = new FieldErrors();
        if (command.ExpectedRevision is not (>= 1))
        {
            errors.Add("expectedRevision", "Indique la revisión del plan que aprobó la mesa (expectedRevision): se aprueba el texto que se leyó.");
        }

        var session = command.SessionId is { } id && id != Guid.Empty ? await store.Db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.SessionId == id, ct) : null;
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
        PlanStore.EnsureDraft(plan);
        if (command.ExpectedRevision != plan.Revision)
        {
            throw new ConcurrencyConflictException(
                $"El plan está en la revisión {plan.Revision} y la mesa aprobó la {command.ExpectedRevision}: revise los cambios antes de aprobarlo.");
        }

        if (!session!.QuorumReached)
        {
            throw new PreconditionFailedException("NO_QUORUM", "sessionId",
                $"La sesión del {session.Date:dd/MM/yyyy} no tuvo quórum: sus decisiones no aprueban el plan.");
        }

        if (await store.Db.Versions.AnyAsync(v => v.PlanId == plan.Id && v.SessionId == session.SessionId, ct))
        {
            throw new PreconditionFailedException("SESSION_USED", "sessionId",
                "Esa sesión ya aprobó una versión anterior de este plan: una enmienda se aprueba en otra sesión.");
        }

        if (!plan.CurrentObjectives.Any() || !plan.CurrentActions.Any())
        {
            throw new PreconditionFailedException("PLAN_EMPTY", "plan", "El plan necesita al menos un objetivo y una acción para ser aprobado.");
        }

        var now = clock.GetUtcNow();
        plan.Status = PlanStatus.Approved;
        plan.ApprovedAt = now;
        plan.ApprovedBy = caller.DisplayName;
        plan.ApprovedSessionId = session.SessionId;
        store.Db.Versions.Add(new PlanVersion
        {
            PlanId = plan.Id,
            Version = plan.Version,
            SessionId = session.SessionId,
            SessionDate = session.Date,
            ApprovedAt = now,
            ApprovedBy = caller.DisplayName,
            Snapshot = PlanSnapshot.Of(plan),
        });
        store.Db.AddToOutbox(new PlanApproved
        {
            PlanId = plan.Id,
            MunicipalityCode = plan.MunicipalityCode,
            Year = plan.Year,
            Version = plan.Version,
            SessionId = session.SessionId,
            Progress = PlanFigures.Rollup(plan).Progress,
            ObjectiveCount = plan.CurrentObjectives.Count(),
            ActionCount = plan.CurrentActions.Count(),
            ApprovedAt = now,
            OccurredAt = now,
        }, clock);
        await store.SaveAsync(plan, structural: true, ct);
        return plan;
    }

    public async Task<Plan> AmendAsync(Guid planId, AmendCommand command, Caller caller, CancellationToken ct)
    {
        var plan = await store.LoadAsync(planId, tracking: true, ct);
        PlanAccess.EnsureCanEdit(caller, plan.MunicipalityCode);
        if (command.ExpectedRevision is not (>= 1))
        {
            throw ValidationFailedException.For("expectedRevision", "Indique la revisión del plan que leyó (expectedRevision).");
        }

        if (plan.Status == PlanStatus.Draft)
        {
            throw new PreconditionFailedException("PLAN_DRAFT", "plan", plan.Version == 1
                ? "El plan todavía no fue aprobado: edítelo directamente."
                : $"La enmienda {plan.Version} ya está abierta: edítela y apruébela en una sesión de la mesa.");
        }

        if (command.ExpectedRevision != plan.Revision)
        {
            throw new ConcurrencyConflictException($"El plan está en la revisión {plan.Revision} y usted leyó la {command.ExpectedRevision}: vuelva a leerlo.");
        }

        plan.Status = PlanStatus.Draft;
        plan.Version++;
        await store.SaveAsync(plan, structural: true, ct);
        return plan;
    }

    public async Task<IReadOnlyList<PlanVersionView>> VersionsAsync(Guid planId, Caller caller, CancellationToken ct)
    {
        var plan = await store.ReadableAsync(planId, caller, ct);
        var versions = await store.Db.Versions.AsNoTracking().Where(v => v.PlanId == planId).OrderBy(v => v.Version).ToListAsync(ct);
        var views = versions.Select(v => new PlanVersionView(v.Version, "approved", v.SessionId, v.SessionDate, v.ApprovedAt, v.ApprovedBy)).ToList();
        if (plan.Status == PlanStatus.Draft)
        {
            views.Add(new PlanVersionView(plan.Version, "draft", null, null, null, null));
        }

        return views;
    }

    /// <summary>Version v against v−1 (version 1: everything added). The open draft compares its current structure.</summary>
    public async Task<PlanDiff> DiffAsync(Guid planId, int version, Caller caller, CancellationToken ct)
    {
        var plan = await store.ReadableAsync(planId, caller, ct);
        if (version < 1 || version > plan.Version)
        {
            throw new NotFoundException($"El plan no tiene la versión {version} (la última es la {plan.Version}).");
        }

        var snapshots = await store.Db.Versions.AsNoTracking().Where(v => v.PlanId == planId && (v.Version == version || v.Version == version - 1))
            .ToDictionaryAsync(v => v.Version, v => v.Snapshot, ct);
        var after = snapshots.TryGetValue(version, out var approved) ? approved : PlanSnapshot.Of(plan);
        return PlanDiffer.Compare(version - 1, snapshots.GetValueOrDefault(version - 1), version, after);
    }
}
