using Boards.Portal.Authentication;
using Microsoft.AspNetCore.Authentication;

namespace Boards.Portal.Ministry;

public static class MinistryEndpoints
{
    public static IEndpointRouteBuilder MapMinistryDownloads(this IEndpointRouteBuilder app)
    {
        // The ministry's national table as CSV, with the person's own token: the same scope as the page.
        app.MapGet("/ministerio/municipios.csv", async (BoardsApi api, HttpContext http, string? orden, string? dir) =>
            {
                var result = await api.MunicipalitySummariesAsync(http.RequestAborted);
                switch (result.Outcome)
                {
                    case ApiOutcome.Ok:
                        var column = NationalTable.Find(orden);
                        var descending = dir is null && column is not null ? NationalTable.DefaultDescending(column) : dir == "desc";
                        var rows = NationalTable.Sort(result.Value!, column, descending);
                        var name = $"municipios-{DateTime.UtcNow:yyyy-MM-dd}.csv";
                        return Results.File(NationalTable.Csv(rows), "text/csv; charset=utf-8", name);
                    case ApiOutcome.Unauthorized:
                        return Results.Challenge(new AuthenticationProperties { RedirectUri = "/ministerio" }, [PortalAuthentication.OidcScheme]);
                    case ApiOutcome.Forbidden:
                        return Results.Text("No tiene permiso para ver la vista nacional.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
                    default:
                        return Results.Text("No pudimos cargar los indicadores: el servicio de monitoreo no responde en este momento.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
                }
            })
            .RequireAuthorization();

        return app;
    }
}
