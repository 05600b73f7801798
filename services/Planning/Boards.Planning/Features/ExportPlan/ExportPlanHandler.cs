using Boards.Planning.Features.GetPlan;

namespace Boards.Planning.Features.ExportPlan;

/// <summary>The CSV file and its name: pat-&lt;municipio&gt;-&lt;año&gt;-v&lt;versión&gt;.csv.</summary>
public sealed record ExportedPlan(byte[] Content, string FileName);

/// <summary>The plan the caller may read, as CSV for Spanish Excel (<see cref="PlanCsv"/>).</summary>
public sealed class ExportPlanHandler(GetPlanHandler plans)
{
    public async Task<ExportedPlan> HandleAsync(Guid planId, Caller caller, CancellationToken ct)
    {
        var plan = await plans.HandleAsync(planId, caller, ct);
        return new ExportedPlan(PlanCsv.Write(plan), $"pat-{plan.MunicipalityCode}-{plan.Year}-v{plan.Version}.csv");
    }
}
