using Boards.Planning.Contracts.Events;
using Boards.Planning.Contracts.Plans;

namespace Boards.Monitoring.Tests.Integration;

/// <summary>PlanApproved and PlanActionProgressed as Planning's outbox relay publishes them.</summary>
public static class PlanEvents
{
    public static PlanApproved Approved(string code, Guid planId, int year, int version, decimal progress, int actionCount, DateTimeOffset at) => new()
    {
        PlanId = planId,
        MunicipalityCode = code,
        Year = year,
        Version = version,
        SessionId = Guid.CreateVersion7(),
        Progress = progress,
        ObjectiveCount = 2,
        ActionCount = actionCount,
        ApprovedAt = at,
        OccurredAt = at,
    };

    public static PlanActionProgressed Progressed(
        string code, Guid planId, int year, Guid actionId, long actionVersion, PlanRollup plan, DateTimeOffset at,
        string status = "in_progress", bool overdue = false) => new()
    {
        PlanId = planId,
        MunicipalityCode = code,
        Year = year,
        ActionId = actionId,
        ActionVersion = actionVersion,
        Title = "Jornada de cedulación en las compañías",
        Status = status,
        Progress = 50,
        EndsOn = new DateOnly(year, 6, 30),
        Overdue = overdue,
        Plan = plan,
        OccurredAt = at,
    };

    public static PlanRollup Rollup(decimal progress, int actionCount, int overdue, int done) => new()
    {
        Progress = progress,
        ActionCount = actionCount,
        OverdueActions = overdue,
        DoneActions = done,
    };
}
