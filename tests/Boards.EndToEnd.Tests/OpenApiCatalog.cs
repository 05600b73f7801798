namespace Boards.EndToEnd.Tests;

/// <summary>One REST operation as the service's own OpenAPI document describes it.</summary>
public sealed record RestOperation(string Service, HttpMethod Method, string Path, IReadOnlyList<RestParameter> Parameters, JsonElement? Body, JsonElement Document)
{
    public string Name => $"{Method} {Path}";

    public IEnumerable<string> PathParameters => Parameters.Where(p => p.In == "path").Select(p => p.Name);
}

public sealed record RestParameter(string Name, string In, JsonElement Schema);

/// <summary>Every REST operation a running service offers, read from its anonymous /openapi/v1.json.</summary>
public static class OpenApiCatalog
{
    /// <summary>The services' REST ports in the fixture (gRPC is the next port up).</summary>
    public static readonly IReadOnlyDictionary<string, int> RestPorts = new Dictionary<string, int>
    {
        ["referrals"] = 6101, ["monitoring"] = 6111, ["membership"] = 6121, ["needs"] = 6131, ["servicedays"] = 6141, ["planning"] = 6151,
        ["notifications"] = 6161, ["participation"] = 6171,
    };

    /// <summary>Services that serve people, not systems, and have no gRPC endpoint (Notifications, Participation).</summary>
    public static readonly IReadOnlySet<string> RestOnly = new HashSet<string>(StringComparer.Ordinal) { "notifications", "participation" };

    /// <summary>The service's gRPC methods (on its REST port + 1), or none for a REST-only service.</summary>
    public static async Task<IReadOnlyList<GrpcMethod>> GrpcMethodsAsync(string service) =>
        RestOnly.Contains(service) ? [] : await GrpcCatalog.MethodsAsync(RestPorts[service] + 1);

    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    /// <summary>
    /// Every REST operation of the system, once: in the monolith shape each module's port describes every module's
    /// operations (docs/architecture.md, "Two shapes"), and a test that walked each port would call each operation eight
    /// times.
    /// </summary>
    public static async Task<IReadOnlyList<RestOperation>> EveryOperationAsync(HttpClient http)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var operations = new List<RestOperation>();
        foreach (var service in RestPorts.Keys)
        {
            operations.AddRange((await OperationsAsync(http, service)).Where(operation => seen.Add(operation.Name)));
        }

        return operations;
    }

    /// <summary>Every gRPC method of the system, once (the benchmark's Echo is hosted by every service).</summary>
    public static async Task<IReadOnlyList<GrpcMethod>> EveryGrpcMethodAsync()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var methods = new List<GrpcMethod>();
        foreach (var service in RestPorts.Keys)
        {
            methods.AddRange((await GrpcMethodsAsync(service)).Where(method => seen.Add(method.FullName)));
        }

        return methods;
    }

    public static async Task<IReadOnlyList<RestOperation>> OperationsAsync(HttpClient http, string service)
    {
        var text = await http.GetStringAsync($"http://localhost:{RestPorts[service]}/openapi/v1.json");
        var document = JsonDocument.Parse(text).RootElement.Clone();
        var operations = new List<RestOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in Methods)
            {
                if (!path.Value.TryGetProperty(method, out var operation))
                {
                    continue;
                }

                var parameters = new List<RestParameter>();
                foreach (var holder in new[] { path.Value, operation })
                {
                    if (holder.TryGetProperty("parameters", out var list))
                    {
                        parameters.AddRange(list.EnumerateArray().Select(p => new RestParameter(
                            p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                            p.TryGetProperty("schema", out var schema) ? schema : default)));
                    }
                }

                JsonElement? body = operation.TryGetProperty("requestBody", out var requestBody) &&
                    requestBody.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json) &&
                    json.TryGetProperty("schema", out var bodySchema)
                        ? bodySchema
                        : requestBody.ValueKind == JsonValueKind.Object ? default(JsonElement) : null;
                operations.Add(new RestOperation(service, new HttpMethod(method.ToUpperInvariant()), path.Name, parameters, body, document));
            }
        }

        return operations;
    }

    /// <summary>Follows a "$ref" into components/schemas.</summary>
    public static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        for (var depth = 0; depth < 10 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); depth++)
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }

        return schema;
    }

    /// <summary>Follows "$ref" and, for a nullable reference (oneOf/anyOf with "null"), the alternative that is not null.</summary>
    public static JsonElement NonNull(JsonElement document, JsonElement schema)
    {
        schema = Resolve(document, schema);
        foreach (var alternatives in new[] { "oneOf", "anyOf" })
        {
            if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(alternatives, out var options) &&
                options.EnumerateArray().FirstOrDefault(o => TypeOf(o) != "" || o.TryGetProperty("$ref", out _)) is { ValueKind: JsonValueKind.Object } option)
            {
                return Resolve(document, option);
            }
        }

        return schema;
    }

    /// <summary>The schema's type without "null" ("string", "integer", "object", ...), or "" when it has none.</summary>
    public static string TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out _) ? "object" : "";
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()!).FirstOrDefault(t => t != "null") ?? ""
            : type.GetString() ?? "";
    }
}
