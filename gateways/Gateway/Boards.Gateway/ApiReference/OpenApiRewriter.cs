using System.Text.Json.Nodes;

namespace Boards.Gateway.ApiReference;

/// <summary>
/// A service's own OpenAPI document made into the gateway's: the gateway as the only server, only the paths the
/// gateway forwards, a Spanish title and description, and the bearer token every operation needs.
/// </summary>
public static class OpenApiRewriter
{
    public const string SecurityScheme = "bearer";

    public static JsonObject Rewrite(JsonObject document, ApiDocument api, string gatewayUrl, string tokenUrl)
    {
        var info = document["info"] as JsonObject ?? [];
        info["title"] = $"Boards — {api.Title}";
        info["description"] =
            $"{api.Description}\n\nCada operación necesita un token de acceso del proveedor de identidad: " +
            $"`POST {tokenUrl}` con `grant_type=client_credentials`, `client_id`, `client_secret` y `scope=boards-api`, " +
            "y luego el encabezado `Authorization: Bearer <token>`.";
        document["info"] = info;

        document["servers"] = new JsonArray(new JsonObject { ["url"] = gatewayUrl, ["description"] = "Puerta de enlace de Boards" });

        if (document["paths"] is JsonObject paths)
        {
            foreach (var path in paths.Select(p => p.Key).Where(path => !IsRouted(path, api.RoutedPrefixes)).ToList())
            {
                paths.Remove(path);
            }
        }

        var components = document["components"] as JsonObject ?? [];
        var schemes = components["securitySchemes"] as JsonObject ?? [];
        schemes[SecurityScheme] = new JsonObject
        {
            ["type"] = "http",
            ["scheme"] = "bearer",
            ["bearerFormat"] = "JWT",
            ["description"] = $"Token de acceso de {tokenUrl} (credenciales de cliente para sistemas integradores).",
        };
        components["securitySchemes"] = schemes;
        document["components"] = components;
        document["security"] = new JsonArray(new JsonObject { [SecurityScheme] = new JsonArray() });
        return document;
    }

    public static bool IsRouted(string path, IReadOnlyList<string> prefixes) =>
        prefixes.Any(prefix => path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal));
}
