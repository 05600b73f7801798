using System.Net;
using System.Text.Json;
using Boards.Portal.Authentication;
using Microsoft.AspNetCore.Authentication;

namespace Boards.Portal.Ministry.Reports;

/// <summary>
/// The filtered table's CSV and Excel files and a department's printable monthly report, fetched from Monitoring with
/// the person's own token (the same scope as /ministerio/informes): the browser never holds the access token.
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ministerio/informes/nacional.csv", (string? periodo, string? departamento, string? cohorte, BoardsApi api, HttpContext http) =>
                DocumentAsync(api, http, "export.csv?" + new ReportFilters(periodo, departamento, cohorte).ApiQuery, download: true))
            .RequireAuthorization();
        app.MapGet("/ministerio/informes/nacional.xlsx", (string? periodo, string? departamento, string? cohorte, BoardsApi api, HttpContext http) =>
                DocumentAsync(api, http, "export.xlsx?" + new ReportFilters(periodo, departamento, cohorte).ApiQuery, download: true))
            .RequireAuthorization();
        app.MapGet("/ministerio/informes/mensual", (string? departamento, string? mes, BoardsApi api, HttpContext http) =>
                DocumentAsync(api, http, "monthly-report?" + ReportFilters.Query(("department", departamento), ("month", mes)), download: false))
            .RequireAuthorization();
        return app;
    }

    private static async Task<IResult> DocumentAsync(BoardsApi api, HttpContext http, string document, bool download)
    {
        using var response = await api.GetDocumentAsync("api/monitoring/national/" + document.TrimEnd('?'), http.RequestAborted);
        switch (response?.StatusCode)
        {
            case HttpStatusCode.OK:
                var bytes = await response.Content.ReadAsByteArrayAsync(http.RequestAborted);
                var type = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
                var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
                return download ? Results.File(bytes, type, name) : Results.Bytes(bytes, type);
            case HttpStatusCode.BadRequest:
                return Results.Text(await InvalidAsync(response, http.RequestAborted), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            case HttpStatusCode.Unauthorized:
                return Results.Challenge(new AuthenticationProperties { RedirectUri = "/ministerio/informes" }, [PortalAuthentication.OidcScheme]);
            case HttpStatusCode.Forbidden:
                return Results.Text("No tiene permiso para ver los informes de la vista nacional.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
            default:
                return Results.Text("No pudimos preparar el informe: el servicio de monitoreo no responde en este momento.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>Monitoring's Spanish messages for the filters it refused, one per line.</summary>
    private static async Task<string> InvalidAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            if (problem.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                return string.Join('\n', errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString()));
            }
        }
        catch (JsonException)
        {
        }

        return "Los filtros del informe no son válidos.";
    }
}
