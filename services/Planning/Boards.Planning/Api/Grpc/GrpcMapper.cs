using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Proto = Boards.Planning.Contracts.Grpc;

namespace Boards.Planning.Api.Grpc;

internal static class GrpcMapper
{
    public static Proto.PlanSummary ToProto(PlanSummaryView p) => new()
    {
        Id = p.Id.ToString(), MunicipalityCode = p.MunicipalityCode, Year = p.Year, Title = p.Title, Status = p.Status, Version = p.Version,
        Progress = (double)p.Progress, ActionCount = p.ActionCount, OverdueActions = p.OverdueActions,
    };

    public static Proto.Plan ToProto(PlanView p)
    {
        var plan = new Proto.Plan
        {
            Id = p.Id.ToString(), MunicipalityCode = p.MunicipalityCode, MunicipalityName = p.MunicipalityName, Year = p.Year, Title = p.Title,
            Status = p.Status, Version = p.Version, Revision = p.Revision, Progress = (double)p.Progress, RollupRule = p.RollupRule,
            ActionCount = p.ActionCount, OverdueActions = p.OverdueActions, DoneActions = p.DoneActions,
            ApprovedSessionId = p.ApprovedSessionId?.ToString() ?? "", AsOf = Date(p.AsOf),
        };
        if (p.ApprovedAt is { } approvedAt)
        {
            plan.ApprovedAt = Timestamp.FromDateTimeOffset(approvedAt);
        }

        plan.Objectives.AddRange(p.Objectives.Select(ToProto));
        return plan;
    }

    public static Proto.Objective ToProto(ObjectiveView o)
    {
        var objective = new Proto.Objective
        {
            Id = o.Id.ToString(), Number = o.Number, Title = o.Title, Description = o.Description ?? "", Weight = (double)o.Weight,
            ExcludedFromPlan = o.ExcludedFromPlan,
        };
        if (o.Progress is { } progress)
        {
            objective.Progress = (double)progress;
        }

        objective.Needs.AddRange(o.Needs.Select(n => new Proto.LinkedNeed
        {
            NeedId = n.NeedId.ToString(), Rank = n.Rank ?? 0, Category = n.Category ?? "", Locality = n.Locality ?? "", Period = n.Period ?? "",
        }));
        objective.Actions.AddRange(o.Actions.Select(ToProto));
        return objective;
    }

    public static Proto.Action ToProto(ActionView a)
    {
        var action = new Proto.Action
        {
            Id = a.Id.ToString(), ObjectiveId = a.ObjectiveId.ToString(), Number = a.Number, Title = a.Title, Horizon = a.Horizon,
            ResponsibleInstitution = a.ResponsibleInstitution, StartsOn = Date(a.StartsOn), EndsOn = Date(a.EndsOn), Budget = a.Budget,
            Weight = (double)a.Weight, Status = a.Status, Progress = (double)a.Progress, ProgressOverridden = a.ProgressOverridden,
            ProgressReason = a.ProgressReason ?? "", Overdue = a.Overdue, AgreementId = a.AgreementId?.ToString() ?? "", Version = a.Version,
        };
        action.Indicators.AddRange(a.Indicators.Select(i =>
        {
            var indicator = new Proto.Indicator { Name = i.Name, Unit = i.Unit, Baseline = (double)i.Baseline, Target = (double)i.Target };
            if (i.CurrentValue is { } current)
            {
                indicator.CurrentValue = (double)current;
            }

            return indicator;
        }));
        return action;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
