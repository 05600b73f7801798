using Boards.BuildingBlocks.Errors;
using Boards.Monitoring.Features.Common;
using Boards.Monitoring.Features.FilterNationalTable;
using Boards.ServiceDefaults.Authentication;

namespace Boards.Monitoring.Features.MonthlyReport;

/// <summary>
/// One department's monthly report: the national table filtered by that department and month, as a printable page.
/// Same scope as the table (a focal point's report holds its own municipality only). Checks: role, then both
/// parameters present and well formed (a month, not a quarter or a year), then the table's own checks.
/// </summary>
public sealed class MonthlyReportHandler(FilterNationalTableHandler table, TimeProvider clock)
{
    public async Task<string> HandleAsync(Caller caller, string? department, string? month, CancellationToken cancellationToken)
    {
        MonitoringScope.Require(caller);
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(department))
        {
            errors.Add("department", MonthlyReportMessages.DepartmentRequired);
        }

        if (string.IsNullOrWhiteSpace(month))
        {
            errors.Add("month", MonthlyReportMessages.MonthRequired);
        }
        else if (month.Trim().Length <= MonitoringLimits.Period && ReportPeriod.Parse(month) is { Kind: not ReportPeriodKind.Month })
        {
            errors.Add("month", MonthlyReportMessages.NotAMonth);
        }

        errors.ThrowIfAny();
        NationalTable report;
        try
        {
            report = await table.HandleAsync(caller, new NationalTableQuery(month, department, null), cancellationToken);
        }
        catch (ValidationFailedException invalid) when (invalid.Errors.ContainsKey("period"))
        {
            // The table calls it "period"; here the parameter is "month", and only a month will do.
            throw new ValidationFailedException(invalid.Errors.ToDictionary(
                e => e.Key == "period" ? "month" : e.Key,
                e => e.Value.Select(m => m == NationalMessages.UnknownPeriod ? MonthlyReportMessages.NotAMonth : m).ToArray()));
        }

        return MonthlyReportPage.Render(report, clock.GetUtcNow());
    }
}

public static class MonthlyReportMessages
{
    public const string DepartmentRequired = "Indique el número del departamento del informe (0 Asunción … 17 Alto Paraguay).";
    public const string MonthRequired = "Indique el mes del informe (por ejemplo, 2026-03).";
    public const string NotAMonth = "El informe es mensual: indique un mes de 2000 a 2100 (por ejemplo, 2026-03), no un trimestre ni un año.";
}
