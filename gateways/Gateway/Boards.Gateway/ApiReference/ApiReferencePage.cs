using Boards.Gateway.RateLimiting;
using Scalar.AspNetCore;

namespace Boards.Gateway.ApiReference;

/// <summary>
/// The API reference at /reference: Scalar, served by the gateway itself (its script is in the package, nothing is
/// loaded from elsewhere), with one document per service (<see cref="ApiDocuments"/>). Anonymous and limited per client.
/// </summary>
public static class ApiReferencePage
{
    public const string Path = "/reference";
    public const string Title = "Boards — referencia de la API";
    public const string Description =
        "Referencia de las API REST de Boards, el sistema de las Mesas de Protección Social: un documento OpenAPI por servicio, " +
        "detrás de la puerta de enlace. Las operaciones necesitan un token de acceso del proveedor de identidad.";

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApiDocuments();
        app.MapScalarApiReference(Path, options =>
            {
                options.WithTitle(Title)
                    .AddHeadContent($"""<meta name="description" content="{Description}">""")
                    .WithLocalization(new ScalarLocalizationOptions { Locale = "es" })
                    .AddPreferredSecuritySchemes([OpenApiRewriter.SecurityScheme])
                    .DisableTelemetry()
                    .DisableAgent()
                    .DisableMcp();
                for (var i = 0; i < ApiDocuments.All.Count; i++)
                {
                    var document = ApiDocuments.All[i];
                    options.AddDocument(document.Name, document.Title, document.Path, isDefault: i == 0);
                }
            })
            .AllowAnonymous()
            .RequireRateLimiting(ClientRateLimiting.PolicyName);
        return app;
    }
}
