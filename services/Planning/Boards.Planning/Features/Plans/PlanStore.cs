using Boards.BuildingBlocks.ReferenceData;
using Boards.BuildingBlocks.Errors;
using Boards.Planning.Data;
using Boards.Planning.Domain.Plans;
using Boards.Planning.Features.Common;
using Boards.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Boards.Planning.Features.Plans;

/// <summary>Loading, locking rules, saving with optimistic concurrency, and the full view of a plan.</summary>
public sealed class PlanStore(PlanningDbContext db, Institutions institutions, PlanCalendar calendar)
{
    public PlanningDbContext Db => db;

    public PlanCalendar Calendar => calendar;

    public async Task<Plan> LoadAsync(Guid planId, bool tracking, CancellationToken ct)
    {
        var query = db.Plans.Include(p => p.Objectives).Include(p => p.Actions).AsSplitQuery();
        return await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == planId, ct)
               ?? throw new NotFoundException($"No existe el plan '{planId}'.");
    }

    public async Task<Plan> ReadableAsync(Guid planId, Caller caller, CancellationToken ct)
    {
        var plan = await LoadAsync(planId, tracking: false, ct);
        PlanAccess.EnsureCanRead(caller, plan.MunicipalityCode);
        return plan;
    }

    /// <summary>A plan whose structure may change: the caller writes for its municipality and the plan is a draft.</summary>
    public async Task<Plan> EditableAsync(Guid planId, Caller caller, CancellationToken ct)
    {
        var plan = await LoadAsync(planId, tracking: true, ct);
        PlanAccess.EnsureCanEdit(caller, plan.MunicipalityCode);
        EnsureDraft(plan);
        return plan;
    }

    public static void EnsureDraft(Plan plan)
    {
        if (plan.Status == PlanStatus.Approved)
        {
            throw new PreconditionFailedException("PLAN_APPROVED", "plan",
                $"La versión {plan.Version} del plan está aprobada por la mesa y no admite cambios de estructura: abra una enmienda " +
                $"(POST /api/plans/{plan.Id}/amendments). El seguimiento (estado, avance, valor de indicadores) sí se registra.");
        }
    }

    /// <summary>Saves; a structural change also bumps the plan's revision, so that an approval sees it.</summary>
    public async Task SaveAsync(Plan plan, bool structural, CancellationToken ct)
    {
        if (structural)
        {
            plan.Revision++;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || PostgresErrors.IsUniqueViolation(exception))
        {
            // A unique number or agreement taken by a concurrent request is the same race as a stale version.
            throw new ConcurrencyConflictException("El plan cambió mientras tanto (otra persona lo editó): vuelva a leerlo e intente de nuevo.");
        }
    }

    public async Task<PlanView> ViewAsync(Plan plan, CancellationToken ct)
    {
        var needIds = plan.CurrentObjectives.SelectMany(o => o.NeedIds).Distinct().ToList();
        var needs = await db.PrioritizedNeeds.AsNoTracking().Where(n => needIds.Contains(n.NeedId)).ToDictionaryAsync(n => n.NeedId, ct);
        var name = await db.Municipalities.Where(m => m.Code == plan.MunicipalityCode).Select(m => m.Name).FirstOrDefaultAsync(ct);
        return PlanViews.From(plan, name ?? plan.MunicipalityCode, needs, institutions, calendar.Today);
    }

    /// <summary>expectedVersion is required where two people could overwrite each other; collected with the other field errors.</summary>
    public static void RequireVersion(FieldErrors errors, long? expected, string what)
    {
        if (expected is not (>= 1))
        {
            errors.Add("expectedVersion", $"Indique la versión de {what} que leyó (expectedVersion).");
        }
    }

    public static void EnsureVersion(long expected, long current, string what)
    {
        if (expected != current)
        {
            throw new ConcurrencyConflictException($"{Capitalized(what)} está en la versión {current} y usted leyó la {expected}: vuelva a leerla antes de cambiarla.");
        }
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
