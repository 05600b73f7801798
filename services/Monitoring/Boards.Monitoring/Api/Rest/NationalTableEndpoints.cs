using System.Security.Claims;
using Boards.BuildingBlocks.Api.Limits;
using Boards.Monitoring.Features.ExportNationalTable;
using Boards.Monitoring.Features.FilterNationalTable;
using Boards.Monitoring.Features.MonthlyReport;
using Boards.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Monitoring.Api.Rest;

/// <summary>
/// The filtered national table and its exports, in the national table's scope. The filters are read by the handler
/// after the role check, so every malformed value is a Spanish 400 naming it (never a binding failure).
/// </summary>
public static class NationalTableEndpoints
{
    public static RouteGroupBuilder MapNationalTable(this RouteGroupBuilder group)
    {
        group.MapGet("/national", TableAsync)
            .WithName("FilterNationalTable")
            .WithSummary("Tabla nacional filtrada por período (mes, trimestre o año), departamento y cohorte")
            .ProducesValidationProblem();
        group.MapGet("/national/export.csv", CsvAsync)
            .WithName("ExportNationalTableCsv")
            .WithSummary("La tabla nacional filtrada en CSV (separador ';', coma decimal)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
        group.MapGet("/national/export.xlsx", XlsxAsync)
            .WithName("ExportNationalTableXlsx")
            .WithSummary("La tabla nacional filtrada en Excel (.xlsx): municipios, jornadas por institución, tendencia mensual y filtros")
            .Produces(StatusCodes.Status200OK, contentType: NationalTableXlsx.ContentType)
            .ProducesValidationProblem();
        group.MapGet("/national/monthly-report", MonthlyReportAsync)
            .WithName("PrintMonthlyReport")
            .WithSummary("Informe mensual imprimible de un departamento (página HTML)")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesValidationProblem();
        return group;
    }

    public static async Task<Ok<NationalTableResponse>> TableAsync(
        [MaxText(MonitoringLimits.Period)] string? period,
        [MaxText(MonitoringLimits.Department)] string? department,
        [MaxText(MonitoringLimits.Cohort)] string? cohort,
        ClaimsPrincipal user, FilterNationalTableHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(NationalTableResponse.From(
            await handler.HandleAsync(Caller.From(user), new NationalTableQuery(period, department, cohort), cancellationToken)));

    public static async Task<FileContentHttpResult> CsvAsync(
        [MaxText(MonitoringLimits.Period)] string? period,
        [MaxText(MonitoringLimits.Department)] string? department,
        [MaxText(MonitoringLimits.Cohort)] string? cohort,
        ClaimsPrincipal user, FilterNationalTableHandler handler, CancellationToken cancellationToken)
    {
        var table = await handler.HandleAsync(Caller.From(user), new NationalTableQuery(period, department, cohort), cancellationToken);
        return TypedResults.File(NationalTableCsv.Write(table), "text/csv; charset=utf-8", FileName(table, "csv"));
    }

    public static async Task<FileContentHttpResult> XlsxAsync(
        [MaxText(MonitoringLimits.Period)] string? period,
        [MaxText(MonitoringLimits.Department)] string? department,
        [MaxText(MonitoringLimits.Cohort)] string? cohort,
        ClaimsPrincipal user, FilterNationalTableHandler handler, TimeProvider clock, CancellationToken cancellationToken)
    {
        var table = await handler.HandleAsync(Caller.From(user), new NationalTableQuery(period, department, cohort), cancellationToken);
        return TypedResults.File(NationalTableXlsx.Write(NationalSheets.Workbook(table, clock.GetUtcNow())), NationalTableXlsx.ContentType, FileName(table, "xlsx"));
    }

    public static async Task<ContentHttpResult> MonthlyReportAsync(
        [MaxText(MonitoringLimits.Department)] string? department,
        [MaxText(MonitoringLimits.Period)] string? month,
        ClaimsPrincipal user, MonthlyReportHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Content(await handler.HandleAsync(Caller.From(user), department, month, cancellationToken), "text/html; charset=utf-8");

    /// <summary>"municipios-2026-Q1-departamento-7-pilot-2021.xlsx": ASCII, so every browser keeps it.</summary>
    public static string FileName(NationalTable table, string extension) =>
        string.Join('-', new[]
        {
            "municipios",
            table.Period?.Code ?? "todo",
            table.Department is { } number ? $"departamento-{number}" : null,
            table.Cohort,
        }.Where(part => part is not null)) + "." + extension;
}
