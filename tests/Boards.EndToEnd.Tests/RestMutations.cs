using System.Text;
using System.Text.Json.Nodes;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Malformed REST requests for one operation, from a seeded random source: every path value is garbage or unknown
/// (so nothing can be found, let alone changed), query values of the wrong type, negative or huge, and a body built
/// from the operation's schema that always carries at least one breaking mutation (wrong type, invalid UTF-8,
/// truncated JSON, an oversized array, ...), plus optional extras (huge strings, unknown enum values, missing fields).
/// </summary>
public sealed class RestMutations(Random random)
{
    private static readonly string[] PathValues =
    [
        "", "-1", "0", "99999999999999999999", "no-existe", "%C3%28", "%FF%FE%FD", "%00", "..%2F..%2Fetc%2Fpasswd",
        "'%20or%201%3D1%20--", "null", "%E2%80%AE", "00000000-0000-0000-0000-000000000000", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
    ];

    private static readonly string[] QueryValues =
    [
        "-1", "-2147483649", "2147483648", "abc", "alto-vera%00", "%00", "1e309", "%FF", "%C3%28", "no_existe", "true", "", "[]", "{}", "-0", "NaN", "2026-13-45",
    ];

    public HttpRequestMessage Create(RestOperation operation)
    {
        var path = operation.Path;
        foreach (var name in operation.PathParameters)
        {
            path = path.Replace("{" + name + "}", Pick(PathValues) is { Length: > 0 } value ? value : "x", StringComparison.Ordinal);
        }

        var query = operation.Parameters.Where(p => p.In == "query" && random.Next(3) > 0)
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={QueryValue()}");
        if (random.Next(10) == 0)
        {
            query = query.Append($"pageSize={Pick(QueryValues)}").Append("unknown=1");
        }

        var target = query.Any() ? $"{path}?{string.Join('&', query)}" : path;
        var request = new HttpRequestMessage(operation.Method, target);
        if (operation.Body is { } schema || operation.Method == HttpMethod.Post || operation.Method == HttpMethod.Put)
        {
            request.Content = Body(operation, operation.Body);
        }

        return request;
    }

    private string QueryValue() => random.Next(8) == 0 ? new string('9', random.Next(20, 400)) : Pick(QueryValues);

    private HttpContent Body(RestOperation operation, JsonElement? schema)
    {
        var node = (schema is { ValueKind: JsonValueKind.Object } s ? Build(operation.Document, s, 0) : null) ?? new JsonObject { ["x"] = "y" };
        for (var extras = random.Next(3); extras > 0; extras--)
        {
            Extra(node);
        }

        return random.Next(8) switch
        {
            0 => Json(Encoding.UTF8.GetBytes(WrongType(node).ToJsonString())),
            1 => Json(InvalidUtf8(node.ToJsonString())),
            2 => Json(Truncated(node.ToJsonString())),
            3 => Json([]),
            4 => new StringContent(node.ToJsonString(), Encoding.UTF8, "text/plain"),
            5 => Json(Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Repeat("{\"item\":1}", 10_000)) + "]")),
            6 => Json(Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000))),
            _ => Json(Encoding.UTF8.GetBytes(WrongType(node).ToJsonString())),
        };
    }

    private static ByteArrayContent Json(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>A plausible value for the schema: strings are text (never a known code), numbers small, enums valid.</summary>
    private JsonNode? Build(JsonElement document, JsonElement schema, int depth)
    {
        schema = OpenApiCatalog.Resolve(document, schema);
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            return JsonNode.Parse(values[random.Next(values.GetArrayLength())].GetRawText());
        }

        switch (OpenApiCatalog.TypeOf(schema))
        {
            case "object" when depth < 4:
                var result = new JsonObject();
                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        result[property.Name] = Build(document, property.Value, depth + 1);
                    }
                }

                return result;
            case "array" when depth < 4:
                return schema.TryGetProperty("items", out var items) ? new JsonArray(Build(document, items, depth + 1)) : new JsonArray();
            case "integer":
            case "number":
                return random.Next(5);
            case "boolean":
                return random.Next(2) == 0;
            case "string":
                var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
                return format switch
                {
                    "date" => "2026-01-05",
                    "date-time" => "2026-01-05T10:00:00Z",
                    "uuid" => Guid.NewGuid().ToString(),
                    _ => "texto de prueba",
                };
            default:
                return null;
        }
    }

    /// <summary>A mutation that may or may not break the body on its own.</summary>
    private void Extra(JsonNode node)
    {
        if (node is not JsonObject body || body.Count == 0)
        {
            return;
        }

        var key = body.ElementAt(random.Next(body.Count)).Key;
        switch (random.Next(5))
        {
            case 0:
                body.Remove(key);
                break;
            case 1:
                body[key] = new string('ñ', random.Next(1_000, 200_000));
                break;
            case 2:
                body[key] = "valor_que_no_existe";
                break;
            case 3:
                body[key] = -random.Next(1, int.MaxValue);
                break;
            default:
                body["campo_desconocido"] = new JsonObject { ["a"] = 1 };
                break;
        }
    }

    private JsonNode WrongType(JsonNode node)
    {
        if (node is not JsonObject body || body.Count == 0)
        {
            return node is JsonValue ? new JsonObject { ["x"] = 1 } : JsonValue.Create("no es un objeto");
        }

        var key = body.ElementAt(random.Next(body.Count)).Key;
        body[key] = body[key] switch
        {
            JsonObject => JsonValue.Create(12345),
            JsonArray => JsonValue.Create("no es una lista"),
            JsonValue value when value.GetValueKind() == JsonValueKind.String => new JsonArray(1, 2, 3),
            _ => new JsonObject { ["tipo"] = "incorrecto" },
        };
        return body;
    }

    private byte[] InvalidUtf8(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json).ToList();
        var quote = bytes.IndexOf((byte)'"');
        var at = quote >= 0 ? quote + 1 : bytes.Count / 2;
        bytes.InsertRange(at, [0xC3, 0x28, 0xFF, 0xFE]);
        return [.. bytes];
    }

    private byte[] Truncated(string json) => Encoding.UTF8.GetBytes(json[..Math.Max(1, random.Next(json.Length))]);

    private string Pick(string[] values) => values[random.Next(values.Length)];

    public static string Describe(HttpRequestMessage request) =>
        $"{request.Method} {request.RequestUri?.OriginalString[..Math.Min(200, request.RequestUri.OriginalString.Length)]}";
}
