using Boards.Portal.Authentication;
using Microsoft.AspNetCore.Authentication;

namespace Boards.Portal.Plan;

public static class PlanEndpoints
{
    public static IEndpointRouteBuilder MapPlanDocuments(this IEndpointRouteBuilder app)
    {
        // A plan's CSV export and printable page, fetched from Planning with the person's own token (the same scope as
        // /pat/{code}): the browser never holds the access token, so a plain link to the gateway would get 401.
        app.MapGet("/pat/plan/{id:guid}/exportar.csv", (Guid id, BoardsApi api, HttpContext http) =>
                PlanDocumentAsync(api, http, id, "export.csv", $"pat-{id:N}.csv"))
            .RequireAuthorization();
        app.MapGet("/pat/plan/{id:guid}/imprimir", (Guid id, BoardsApi api, HttpContext http) =>
                PlanDocumentAsync(api, http, id, "print", null))
            .RequireAuthorization();

        return app;
    }

    private static async Task<IResult> PlanDocumentAsync(BoardsApi api, HttpContext http, Guid id, string document, string? downloadName)
    {
        using var response = await api.GetDocumentAsync($"api/plans/{id}/{document}", http.RequestAborted);
        if (response is null)
        {
            return Results.Text("No pudimos cargar el plan: el servicio de planificación no responde en este momento.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        switch (response.StatusCode)
        {
            case System.Net.HttpStatusCode.OK:
                var bytes = await response.Content.ReadAsByteArrayAsync(http.RequestAborted);
                var type = response.Content.Headers.ContentType?.ToString() ?? (downloadName is null ? "text/html; charset=utf-8" : "text/csv; charset=utf-8");
                var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? downloadName;
                return downloadName is null ? Results.Bytes(bytes, type) : Results.File(bytes, type, name);
            case System.Net.HttpStatusCode.Unauthorized:
                return Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [PortalAuthentication.OidcScheme]);
            case System.Net.HttpStatusCode.Forbidden:
                return Results.Text("No tiene permiso para ver este plan. Un punto focal ve solo el de su municipio.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
            case System.Net.HttpStatusCode.NotFound:
                return Results.Text("No encontramos este plan.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            default:
                return Results.Text("No pudimos cargar el plan: el servicio de planificación no responde en este momento.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
