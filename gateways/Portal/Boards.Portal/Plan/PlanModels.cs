namespace Boards.Portal.Plan;

// Planning (/api/plans, docs/planning.md): the plan, its needs, proposals, versions and diffs, as the portal reads them.

public sealed record PlanSummaryItemView(Guid Id, string MunicipalityCode, int Year, string Title, string Status, int Version, decimal Progress);

public sealed record PlanNeedView(Guid NeedId, int? Rank, string? Category, string? Locality, string? Period, int? PeopleAffected);

public sealed record PlanIndicatorView(string Name, string Unit, decimal Baseline, decimal Target, decimal? CurrentValue);

public sealed record PlanActionView(
    Guid Id, Guid ObjectiveId, int Number, string Title, string Horizon, string HorizonLabel, string ResponsibleInstitution,
    string ResponsibleInstitutionName, DateOnly StartsOn, DateOnly EndsOn, long Budget, decimal Weight, IReadOnlyList<PlanIndicatorView>? Indicators,
    string Status, string StatusLabel, decimal Progress, bool ProgressOverridden, string? ProgressReason, bool Overdue, Guid? AgreementId, long Version);

public sealed record PlanObjectiveView(
    Guid Id, int Number, string Title, string? Description, decimal Weight, decimal? Progress, bool ExcludedFromPlan,
    decimal CountedActionWeight, long Version, IReadOnlyList<PlanNeedView> Needs, IReadOnlyList<PlanActionView> Actions);

/// <summary>The plan; Revision grows with every change of its structure and is what approval and amendment name.</summary>
public sealed record PlanDetailView(
    Guid Id, string MunicipalityCode, string MunicipalityName, int Year, string Title, string Status, int Version, long Revision,
    int? ApprovedVersion, DateTimeOffset? ApprovedAt, decimal Progress, string RollupRule, decimal CountedObjectiveWeight, int ActionCount,
    int OverdueActions, int DoneActions, DateOnly AsOf, IReadOnlyList<PlanObjectiveView> Objectives)
{
    public bool IsDraft => Status == "draft";

    public IEnumerable<PlanActionView> Actions => Objectives.SelectMany(o => o.Actions);
}

/// <summary>A need of a closed (prioritized) round of the municipality, which an objective may answer.</summary>
public sealed record PrioritizedNeedView(
    Guid NeedId, Guid RoundId, string Period, int Rank, string Category, string Locality, string PopulationGroup, int PeopleAffected, int Severity);

/// <summary>A board agreement proposed as an action: proposed, accepted (into planId/actionId) or dismissed (with a reason).</summary>
public sealed record PlanProposalView(
    Guid AgreementId, Guid SessionId, DateOnly? SessionDate, string What, string ResponsibleInstitution, DateOnly DueOn, string AgreementStatus,
    string Status, Guid? PlanId, Guid? ActionId, string? DismissReason, DateTimeOffset? DecidedAt, string? DecidedBy, long Version);

public sealed record AcceptedProposalView(PlanProposalView Proposal, PlanActionView Action);

public sealed record PlanVersionView(int Version, string Status, Guid? SessionId, DateOnly? SessionDate, DateTimeOffset? ApprovedAt, string? ApprovedBy);

public sealed record PlanFieldChangeView(string Field, string Label, string? Before, string? After);

/// <summary>Change: added, removed or changed (then Fields lists every changed field).</summary>
public sealed record PlanItemChangeView(Guid Id, string Change, string Title, IReadOnlyList<PlanFieldChangeView> Fields);

public sealed record PlanDiffView(
    int FromVersion, int ToVersion, IReadOnlyList<PlanFieldChangeView> Plan, IReadOnlyList<PlanItemChangeView> Objectives, IReadOnlyList<PlanItemChangeView> Actions);

/// <summary>What Planning answers to a progress report: the plan's new progress (the page reads the plan again anyway).</summary>
public sealed record PlanProgressResultView(decimal? ObjectiveProgress, decimal PlanProgress, int OverdueActions);
