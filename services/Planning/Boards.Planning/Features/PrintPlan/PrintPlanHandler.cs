using Boards.Planning.Features.GetPlan;

namespace Boards.Planning.Features.PrintPlan;

/// <summary>The plan the caller may read, as the printable HTML page boards send to the Social Cabinet (<see cref="PlanPrintPage"/>).</summary>
public sealed class PrintPlanHandler(GetPlanHandler plans)
{
    public async Task<string> HandleAsync(Guid planId, Caller caller, CancellationToken ct) =>
        PlanPrintPage.Render(await plans.HandleAsync(planId, caller, ct));
}
