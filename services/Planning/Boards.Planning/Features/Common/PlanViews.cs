using Boards.BuildingBlocks.ReferenceData;
using Boards.Planning.Domain.Replicas;
using Boards.Planning.Domain.Rollup;

namespace Boards.Planning.Features.Common;

public sealed record PlanSummaryView(
    Guid Id, string MunicipalityCode, int Year, string Title, string Status, int Version, long Revision, decimal Progress,
    int ActionCount, int OverdueActions, DateTimeOffset? ApprovedAt);

public sealed record LinkedNeedView(Guid NeedId, int? Rank, string? Category, string? Locality, string? Period, int? PeopleAffected, int? Severity);

public sealed record IndicatorView(string Name, string Unit, decimal Baseline, decimal Target, decimal? CurrentValue);

public sealed record ActionView(
    Guid Id, Guid ObjectiveId, int Number, string Title, string Horizon, string HorizonLabel, string ResponsibleInstitution,
    string ResponsibleInstitutionName, DateOnly StartsOn, DateOnly EndsOn, long Budget, decimal Weight,
    IReadOnlyList<IndicatorView> Indicators, string Status, string StatusLabel, decimal Progress, bool ProgressOverridden,
    string? ProgressReason, bool Overdue, Guid? AgreementId, long Version, DateTimeOffset UpdatedAt, string UpdatedBy);

public sealed record ObjectiveView(
    Guid Id, int Number, string Title, string? Description, decimal Weight, decimal? Progress, bool ExcludedFromPlan,
    decimal CountedActionWeight, int CancelledActions, long Version, IReadOnlyList<LinkedNeedView> Needs, IReadOnlyList<ActionView> Actions);

public sealed record PlanView(
    Guid Id, string MunicipalityCode, string MunicipalityName, int Year, string Title, string Status, int Version, long Revision,
    int? ApprovedVersion, DateTimeOffset? ApprovedAt, Guid? ApprovedSessionId, decimal Progress, string RollupRule,
    decimal CountedObjectiveWeight, int ActionCount, int OverdueActions, int DoneActions, DateOnly AsOf, IReadOnlyList<ObjectiveView> Objectives)
{
    public ActionView ActionOf(Guid actionId) => Objectives.SelectMany(o => o.Actions).First(a => a.Id == actionId);
}

public static class PlanViews
{
    public static string StatusCode(PlanStatus status) => status == PlanStatus.Draft ? "draft" : "approved";

    public static PlanSummaryView Summary(Plan plan, DateOnly today) => new(
        plan.Id, plan.MunicipalityCode, plan.Year, plan.Title, StatusCode(plan.Status), plan.Version, plan.Revision,
        PlanFigures.Rollup(plan).Progress, plan.CurrentActions.Count(), plan.CurrentActions.Count(a => a.IsOverdue(today)), plan.ApprovedAt);

    public static PlanView From(Plan plan, string municipalityName, IReadOnlyDictionary<Guid, PrioritizedNeedReplica> needs, Institutions institutions, DateOnly today)
    {
        var rollup = PlanFigures.Rollup(plan);
        var byObjective = rollup.Objectives.ToDictionary(o => o.Id);
        var actions = plan.CurrentActions.ToList();
        var approvedVersion = plan.Status == PlanStatus.Approved ? plan.Version : plan.Version - 1;
        return new PlanView(
            plan.Id, plan.MunicipalityCode, municipalityName, plan.Year, plan.Title, StatusCode(plan.Status), plan.Version, plan.Revision,
            approvedVersion > 0 ? approvedVersion : null, plan.ApprovedAt, plan.ApprovedSessionId, rollup.Progress, PlanRollupCalculator.Rule,
            rollup.CountedObjectiveWeight, actions.Count, actions.Count(a => a.IsOverdue(today)), actions.Count(a => a.Status == ActionStatus.Done), today,
            plan.CurrentObjectives.Select(o =>
            {
                var figures = byObjective[o.Id];
                return new ObjectiveView(
                    o.Id, o.Number, o.Title, o.Description, o.Weight, figures.Progress, figures.Progress is null, figures.CountedActionWeight,
                    figures.CancelledActions, o.Version, o.NeedIds.Select(id => Need(id, needs)).OrderBy(n => n.Rank ?? int.MaxValue).ToList(),
                    actions.Where(a => a.ObjectiveId == o.Id).Select(a => Action(a, institutions, today)).ToList());
            }).ToList());
    }

    public static ActionView Action(PlanAction a, Institutions institutions, DateOnly today) => new(
        a.Id, a.ObjectiveId, a.Number, a.Title, a.Horizon.Code(), a.Horizon.Label(), a.InstitutionCode, institutions.NameOf(a.InstitutionCode),
        a.StartsOn, a.EndsOn, a.Budget, a.Weight,
        a.Indicators.Select(i => new IndicatorView(i.Name, i.Unit, i.Baseline, i.Target, i.CurrentValue)).ToList(),
        a.Status.Code(), a.Status.Label(), a.Progress, a.ProgressOverridden, a.ProgressReason, a.IsOverdue(today), a.AgreementId, a.Version,
        a.UpdatedAt, a.UpdatedBy);

    private static LinkedNeedView Need(Guid id, IReadOnlyDictionary<Guid, PrioritizedNeedReplica> needs) =>
        needs.TryGetValue(id, out var n)
            ? new LinkedNeedView(id, n.Rank, n.Category, n.Locality, n.Period, n.PeopleAffected, n.Severity)
            : new LinkedNeedView(id, null, null, null, null, null, null);
}
