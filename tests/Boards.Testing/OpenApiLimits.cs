using System.Text.Json;

namespace Boards.Testing;

/// <summary>
/// Reads a service's OpenAPI document for the limits its REST bodies declare: every text field of a request body
/// (nested objects and list elements included) must show <c>maxLength</c> and every list <c>maxItems</c>.
/// </summary>
public static class OpenApiLimits
{
    /// <summary>"POST /api/boards: chairName" for each text field or list of a request body without its maximum.</summary>
    public static IReadOnlyList<string> Undeclared(JsonElement document)
    {
        var schemas = document.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var all)
            ? all
            : default;
        var missing = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Value.ValueKind == JsonValueKind.Object &&
                    operation.Value.TryGetProperty("requestBody", out var body) &&
                    body.TryGetProperty("content", out var content) &&
                    content.TryGetProperty("application/json", out var json) &&
                    json.TryGetProperty("schema", out var schema))
                {
                    Walk(schema, "", schemas, [], missing, $"{operation.Name.ToUpperInvariant()} {path.Name}");
                }
            }
        }

        return missing.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void Walk(JsonElement schema, string field, JsonElement schemas, HashSet<string> visiting, List<string> missing, string operation)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            if (schemas.ValueKind == JsonValueKind.Object && schemas.TryGetProperty(name, out var target) && visiting.Add(name))
            {
                Walk(target, field, schemas, visiting, missing, operation);
                visiting.Remove(name);
            }

            return;
        }

        foreach (var alternatives in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(alternatives, out var options))
            {
                foreach (var option in options.EnumerateArray())
                {
                    Walk(option, field, schemas, visiting, missing, operation);
                }
            }
        }

        var types = Types(schema);
        if (types.Contains("string") && !schema.TryGetProperty("enum", out _) && !schema.TryGetProperty("format", out _) &&
            !schema.TryGetProperty("maxLength", out _))
        {
            missing.Add($"{operation}: {(field.Length == 0 ? "(body)" : field)}");
        }

        if (types.Contains("array"))
        {
            if (!schema.TryGetProperty("maxItems", out _))
            {
                missing.Add($"{operation}: {field}");
            }

            if (schema.TryGetProperty("items", out var items))
            {
                Walk(items, field + "[]", schemas, visiting, missing, operation);
            }
        }

        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                Walk(property.Value, field.Length == 0 ? property.Name : $"{field}.{property.Name}", schemas, visiting, missing, operation);
            }
        }
    }

    private static HashSet<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToHashSet(StringComparer.Ordinal)
        : [type.GetString()!];
}
