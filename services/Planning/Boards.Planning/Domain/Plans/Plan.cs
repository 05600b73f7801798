using Boards.Planning.Domain.Replicas;
using Boards.Planning.Domain.Versions;

namespace Boards.Planning.Domain.Plans;

public enum PlanStatus
{
    /// <summary>Being written (version 1) or amended (version 2, 3, …): structure can change.</summary>
    Draft,
    /// <summary>Approved by the board in a session: structure locked, execution tracked.</summary>
    Approved,
}

/// <summary>
/// The territorial action plan (PAT) of one municipality for one year. Version is the plan's version number (1 as first
/// approved, n+1 for each amendment); Revision grows with every structural change and is what an approval names
/// (expectedRevision), so the board approves the text it saw. Every change of its structure goes through a method here:
/// it checks that the plan is a draft and the version the person read, and bumps Revision.
/// </summary>
public sealed class Plan
{
    private readonly List<Objective> _objectives = [];
    private readonly List<PlanAction> _actions = [];

    private Plan()
    {
    }

    public Guid Id { get; private init; }
    public string MunicipalityCode { get; private init; } = "";
    public int Year { get; private init; }
    public string Title { get; private init; } = "";
    public PlanStatus Status { get; private set; }
    public int Version { get; private set; } = 1;
    public long Revision { get; private set; } = 1;
    public DateTimeOffset CreatedAt { get; private init; }
    public string CreatedBy { get; private init; } = "";
    public DateTimeOffset? ApprovedAt { get; private set; }
    public string? ApprovedBy { get; private set; }
    public Guid? ApprovedSessionId { get; private set; }
    public IReadOnlyList<Objective> Objectives => _objectives.AsReadOnly();
    public IReadOnlyList<PlanAction> Actions => _actions.AsReadOnly();

    public IEnumerable<Objective> CurrentObjectives => _objectives.Where(o => o.RemovedAt is null).OrderBy(o => o.Number);

    public IEnumerable<PlanAction> CurrentActions => _actions.Where(a => a.RemovedAt is null).OrderBy(a => a.Number);

    /// <summary>A new draft, version 1; without a title it is "Plan de Acción Territorial &lt;year&gt;".</summary>
    public static Plan Open(string municipalityCode, int year, string? title, string actor, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        MunicipalityCode = municipalityCode,
        Year = year,
        Title = string.IsNullOrEmpty(title) ? $"Plan de Acción Territorial {year}" : title,
        CreatedAt = now,
        CreatedBy = actor,
    };

    public Objective CurrentObjective(Guid objectiveId) =>
        CurrentObjectives.FirstOrDefault(o => o.Id == objectiveId)
        ?? throw new NotFoundException($"El objetivo '{objectiveId}' no es de este plan.");

    public PlanAction CurrentAction(Guid actionId) =>
        CurrentActions.FirstOrDefault(a => a.Id == actionId)
        ?? throw new NotFoundException($"La acción '{actionId}' no es de este plan.");

    /// <summary>Structure changes only in a draft; an approved version is amended first.</summary>
    public void EnsureDraft()
    {
        if (Status == PlanStatus.Approved)
        {
            throw new PreconditionFailedException("PLAN_APPROVED", "plan",
                $"La versión {Version} del plan está aprobada por la mesa y no admite cambios de estructura: abra una enmienda " +
                $"(POST /api/plans/{Id}/amendments). El seguimiento (estado, avance, valor de indicadores) sí se registra.");
        }
    }

    public Objective AddObjective(ObjectiveDefinition definition)
    {
        EnsureDraft();
        var objective = Objective.Create(Id, _objectives.Count == 0 ? 1 : _objectives.Max(o => o.Number) + 1, definition);
        _objectives.Add(objective);
        Revision++;
        return objective;
    }

    public void UpdateObjective(Objective objective, ObjectiveDefinition definition, long expectedVersion)
    {
        EnsureDraft();
        ExpectedVersion.Ensure(expectedVersion, objective.Version, "el objetivo");
        objective.Redefine(definition);
        Revision++;
    }

    /// <summary>Removes the objective and its current actions; all are kept, marked removed.</summary>
    public void RemoveObjective(Objective objective, long expectedVersion, DateTimeOffset now)
    {
        EnsureDraft();
        ExpectedVersion.Ensure(expectedVersion, objective.Version, "el objetivo");
        objective.Remove(now);
        foreach (var action in CurrentActions.Where(a => a.ObjectiveId == objective.Id).ToList())
        {
            action.Remove(now);
        }

        Revision++;
    }

    /// <summary>A new action (also what an accepted board agreement becomes, then with its agreementId).</summary>
    public PlanAction AddAction(ActionDefinition definition, string actor, DateTimeOffset now, Guid? agreementId = null)
    {
        EnsureDraft();
        var action = PlanAction.Create(Id, _actions.Count == 0 ? 1 : _actions.Max(a => a.Number) + 1, definition, agreementId, actor, now);
        _actions.Add(action);
        Revision++;
        return action;
    }

    public void UpdateAction(PlanAction action, ActionDefinition definition, long expectedVersion, string actor, DateTimeOffset now)
    {
        EnsureDraft();
        ExpectedVersion.Ensure(expectedVersion, action.Version, "la acción");
        action.Redefine(definition, actor, now);
        Revision++;
    }

    public void RemoveAction(PlanAction action, long expectedVersion, DateTimeOffset now)
    {
        EnsureDraft();
        ExpectedVersion.Ensure(expectedVersion, action.Version, "la acción");
        action.Remove(now);
        Revision++;
    }

    /// <summary>
    /// Approval by the board: the draft of revision expectedRevision, in a session of the plan's municipality with quorum
    /// that has not approved an earlier version. Locks the structure and returns the approved version to keep.
    /// </summary>
    public PlanVersion Approve(SessionReplica session, long expectedRevision, bool sessionApprovedAnEarlierVersion, string actor, DateTimeOffset now)
    {
        EnsureDraft();
        if (expectedRevision != Revision)
        {
            throw new ConcurrencyConflictException(
                $"El plan está en la revisión {Revision} y la mesa aprobó la {expectedRevision}: revise los cambios antes de aprobarlo.");
        }

        if (!session.QuorumReached)
        {
            throw new PreconditionFailedException("NO_QUORUM", "sessionId",
                $"La sesión del {session.Date:dd/MM/yyyy} no tuvo quórum: sus decisiones no aprueban el plan.");
        }

        if (sessionApprovedAnEarlierVersion)
        {
            throw new PreconditionFailedException("SESSION_USED", "sessionId",
                "Esa sesión ya aprobó una versión anterior de este plan: una enmienda se aprueba en otra sesión.");
        }

        if (!CurrentObjectives.Any() || !CurrentActions.Any())
        {
            throw new PreconditionFailedException("PLAN_EMPTY", "plan", "El plan necesita al menos un objetivo y una acción para ser aprobado.");
        }

        Status = PlanStatus.Approved;
        ApprovedAt = now;
        ApprovedBy = actor;
        ApprovedSessionId = session.SessionId;
        Revision++;
        return new PlanVersion
        {
            PlanId = Id,
            Version = Version,
            SessionId = session.SessionId,
            SessionDate = session.Date,
            ApprovedAt = now,
            ApprovedBy = actor,
            Snapshot = PlanSnapshot.Of(this),
        };
    }

    /// <summary>Opens an amendment: the approved plan of revision expectedRevision becomes draft n+1 (execution continues).</summary>
    public void Amend(long expectedRevision)
    {
        if (Status == PlanStatus.Draft)
        {
            throw new PreconditionFailedException("PLAN_DRAFT", "plan", Version == 1
                ? "El plan todavía no fue aprobado: edítelo directamente."
                : $"La enmienda {Version} ya está abierta: edítela y apruébela en una sesión de la mesa.");
        }

        if (expectedRevision != Revision)
        {
            throw new ConcurrencyConflictException($"El plan está en la revisión {Revision} y usted leyó la {expectedRevision}: vuelva a leerlo.");
        }

        Status = PlanStatus.Draft;
        Version++;
        Revision++;
    }
}
