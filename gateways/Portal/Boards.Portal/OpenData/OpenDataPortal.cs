using Boards.ServiceDefaults.Http;

namespace Boards.Portal.OpenData;

/// <summary>The public open data page (/datos-abiertos) and its download form, both without sign-in.</summary>
public static class OpenDataPortal
{
    public static WebApplicationBuilder AddOpenDataPage(this WebApplicationBuilder builder)
    {
        var options = PortalOptions.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton<OpenDataLinks>();
        builder.Services.AddHttpClient<OpenDataClient>(client =>
            {
                client.BaseAddress = options.GatewayUrl;
                client.Timeout = options.ApiTimeout;
            })
            .WithoutResilience();
        return builder;
    }

    /// <summary>
    /// The page's form (municipality, month, format) sends the person on to the file's stable address at the gateway.
    /// Anything but a well-formed choice is a 400 in Spanish; the address is built from the checked parts only.
    /// </summary>
    public static IEndpointRouteBuilder MapOpenDataDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/datos-abiertos/descargar", (string? municipio, string? mes, string? formato, OpenDataLinks links) =>
            {
                if (!OpenDataLinks.IsMonth(mes) || !OpenDataLinks.IsFormat(formato) || (!string.IsNullOrEmpty(municipio) && !OpenDataLinks.IsCode(municipio)))
                {
                    return Results.Text("Elija un mes (AAAA-MM), un formato (csv o json) y, si quiere, un municipio de la lista.",
                        "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
                }

                return Results.Redirect(string.IsNullOrEmpty(municipio)
                    ? links.Month(mes!, formato!)
                    : links.MunicipalityMonth(municipio, mes!, formato!));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
