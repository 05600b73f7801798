using System.Text.Json;
using System.Text.Json.Nodes;
using Boards.Gateway.RateLimiting;
using Boards.ServiceDefaults.Errors;
using Boards.ServiceDefaults.Http;

namespace Boards.Gateway.ApiReference;

/// <summary>
/// GET /openapi/{name}.json: the service's OpenAPI document, read from the service when asked (so it is never older
/// than the service) and rewritten for the gateway (<see cref="OpenApiRewriter"/>). Anonymous like the services' own
/// documents; the operations it describes still need a token.
/// </summary>
public static class OpenApiDocumentEndpoint
{
    public const string ClientName = "openapi-documents";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddOpenApiDocuments(this IServiceCollection services)
    {
        // One attempt: a person is waiting for the page, and a service that is down gets a 503 at once.
        services.AddHttpClient(ClientName, client => client.Timeout = Timeout).WithoutResilience();
        return services;
    }

    public static WebApplication MapOpenApiDocuments(this WebApplication app)
    {
        app.MapGet("/openapi/{name}.json", ServeAsync).AllowAnonymous().RequireRateLimiting(ClientRateLimiting.PolicyName);
        return app;
    }

    private static async Task<IResult> ServeAsync(string name, HttpContext http, IHttpClientFactory clients, IConfiguration configuration)
    {
        if (ApiDocuments.Find(name) is not { } api)
        {
            return TypedResults.Problem(
                title: "No existe ese documento de API.",
                detail: $"No hay un documento llamado '{name}'. Los documentos de cada API están en la referencia: /reference.",
                statusCode: StatusCodes.Status404NotFound);
        }

        JsonObject? document;
        try
        {
            using var response = await clients.CreateClient(ClientName).GetAsync(api.Upstream, http.RequestAborted);
            response.EnsureSuccessStatusCode();
            document = JsonNode.Parse(await response.Content.ReadAsStringAsync(http.RequestAborted)) as JsonObject;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException || (e is TaskCanceledException && !http.RequestAborted.IsCancellationRequested))
        {
            document = null;
        }

        if (document is null)
        {
            await UnavailableAnswer.TryWriteAsync(http,
                $"El servicio de {api.Title.ToLowerInvariant()} no entregó su documento de API en este momento. Intente de nuevo en unos segundos.");
            return TypedResults.Empty;
        }

        var request = http.Request;
        var gateway = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var authority = (configuration["Identity:Authority"] ?? "http://localhost:5070/realms/boards").TrimEnd('/');
        var rewritten = OpenApiRewriter.Rewrite(document, api, gateway, $"{authority}/protocol/openid-connect/token");
        return TypedResults.Text(rewritten.ToJsonString(), "application/json; charset=utf-8");
    }
}
