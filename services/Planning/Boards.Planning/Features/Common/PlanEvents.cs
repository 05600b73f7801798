using Boards.Planning.Contracts.Events;
using Boards.Planning.Contracts.Plans;

namespace Boards.Planning.Features.Common;

/// <summary>The PlanActionProgressed of a progress report and of the overdue sweep: the action after the change and the plan's roll-up.</summary>
public static class PlanEvents
{
    public static PlanActionProgressed ActionProgressed(Plan plan, PlanAction action, bool overdue, PlanRollup rollup, DateTimeOffset now) => new()
    {
        PlanId = plan.Id,
        MunicipalityCode = plan.MunicipalityCode,
        Year = plan.Year,
        ActionId = action.Id,
        ActionVersion = action.Version,
        Title = action.Title,
        Status = action.Status.Code(),
        Progress = action.Progress,
        ResponsibleInstitution = action.InstitutionCode,
        StartsOn = action.StartsOn,
        EndsOn = action.EndsOn,
        Overdue = overdue,
        Plan = rollup,
        OccurredAt = now,
    };
}
