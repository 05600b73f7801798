namespace Boards.Portal.Plan;

// Planning (GET /api/plans?municipality=&year=, GET /api/plans/{id}).

public sealed record PlanSummaryItemView(Guid Id, string MunicipalityCode, int Year, string Title, string Status, int Version, decimal Progress);

public sealed record PlanNeedView(Guid NeedId, int? Rank, string? Category, string? Locality, string? Period, int? PeopleAffected);

public sealed record PlanActionView(
    Guid Id, int Number, string Title, string Horizon, string HorizonLabel, string ResponsibleInstitution, string ResponsibleInstitutionName,
    DateOnly StartsOn, DateOnly EndsOn, long Budget, decimal Weight, string Status, string StatusLabel, decimal Progress, bool Overdue);

public sealed record PlanObjectiveView(
    Guid Id, int Number, string Title, string? Description, decimal Weight, decimal? Progress, bool ExcludedFromPlan,
    decimal CountedActionWeight, IReadOnlyList<PlanNeedView> Needs, IReadOnlyList<PlanActionView> Actions);

public sealed record PlanDetailView(
    Guid Id, string MunicipalityCode, string MunicipalityName, int Year, string Title, string Status, int Version, int? ApprovedVersion,
    DateTimeOffset? ApprovedAt, decimal Progress, string RollupRule, decimal CountedObjectiveWeight, int ActionCount, int OverdueActions,
    int DoneActions, DateOnly AsOf, IReadOnlyList<PlanObjectiveView> Objectives);
