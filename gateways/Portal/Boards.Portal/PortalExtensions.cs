using System.Globalization;
using Boards.Portal.Api;
using Boards.Portal.Authentication;
using Boards.Portal.Components;
using Boards.Portal.Ministry;
using Boards.ServiceDefaults;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Http.Resilience;

namespace Boards.Portal;

public static class PortalExtensions
{
    /// <summary>Spanish (Paraguay) first; English available through the language switch.</summary>
    public static readonly CultureInfo[] Cultures = [new("es-PY"), new("en")];

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var options = PortalOptions.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(options);
        builder.Services.AddLocalization(localization => localization.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(localization =>
        {
            localization.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            localization.SupportedCultures = Cultures;
            localization.SupportedUICultures = Cultures;
            // Only the person's choice (cookie) or the query string; the browser's language does not override Spanish.
            localization.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddPortalAuthentication(options);
        builder.Services.AddTransient<BearerTokenHandler>();
        builder.Services.AddHttpClient<BoardsApi>(client =>
            {
                client.BaseAddress = options.GatewayUrl;
                client.Timeout = options.ApiTimeout;
            })
            .AddHttpMessageHandler<BearerTokenHandler>()
            // The service defaults retry every call for up to 30 s; a person at a desk should hear at once that a
            // service is down, so calls from the portal make one attempt within Portal:ApiTimeoutSeconds.
            .ConfigureAdditionalHttpMessageHandlers(static (handlers, _) =>
            {
                for (var i = handlers.Count - 1; i >= 0; i--)
                {
                    if (handlers[i] is ResilienceHandler)
                    {
                        handlers.RemoveAt(i);
                    }
                }
            });
        builder.Services.AddRazorComponents();
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseRequestLocalization();
        app.UseStatusCodePagesWithReExecute("/no-encontrado");
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapDefaultEndpoints();

        app.MapGet("/cuenta/ingresar", (string? returnUrl) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl(returnUrl) }, [PortalAuthentication.OidcScheme]))
            .AllowAnonymous();
        app.MapPost("/cuenta/salir", async (HttpContext http, IAntiforgery antiforgery) =>
            {
                await antiforgery.ValidateRequestAsync(http);
                return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                    [PortalAuthentication.CookieScheme, PortalAuthentication.OidcScheme]);
            })
            .DisableAntiforgery();
        app.MapGet("/idioma/{culture}", (string culture, string? returnUrl, HttpContext http) =>
            {
                var chosen = Cultures.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase)) ?? Cultures[0];
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
                return Results.LocalRedirect(LocalUrl(returnUrl));
            })
            .AllowAnonymous();

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

        // A plan's CSV export and printable page, fetched from Planning with the person's own token (the same scope as
        // /pat/{code}): the browser never holds the access token, so a plain link to the gateway would get 401.
        app.MapGet("/pat/plan/{id:guid}/exportar.csv", (Guid id, BoardsApi api, HttpContext http) =>
                PlanDocumentAsync(api, http, id, "export.csv", $"pat-{id:N}.csv"))
            .RequireAuthorization();
        app.MapGet("/pat/plan/{id:guid}/imprimir", (Guid id, BoardsApi api, HttpContext http) =>
                PlanDocumentAsync(api, http, id, "print", null))
            .RequireAuthorization();

        app.MapRazorComponents<App>();
        return app;
    }

    private static async Task<IResult> PlanDocumentAsync(BoardsApi api, HttpContext http, Guid id, string document, string? downloadName)
    {
        using var response = await api.PlanDocumentAsync(id, document, http.RequestAborted);
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

    /// <summary>Only paths of this site: an absolute or protocol-relative URL becomes the home page (no open redirect).</summary>
    public static string LocalUrl(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
