using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;

namespace Boards.EndToEnd.Tests;

/// <summary>A boundary request to one REST operation.</summary>
public sealed record RestCase(RestOperation Endpoint, string Field, BoundaryKind Kind, string Value, string Target, string? Json)
    : BoundaryCase(Endpoint.Name, Field, Kind, Value)
{
    public override async Task<BoundaryAnswer> SendAsync(BoardsAppFixture boards, string token)
    {
        using var request = new HttpRequestMessage(Endpoint.Method, Target);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (Json is not null)
        {
            request.Content = new StringContent(Json, Encoding.UTF8, "application/json");
            // A refusal that comes before the body is read (a role the operation does not allow) then ends the exchange
            // cleanly, instead of a reset while megabytes are still being sent.
            request.Headers.ExpectContinue = Json.Length > 64 * 1024;
        }

        using var response = await boards.Http.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = status is >= 200 and < 300 ? "" : await response.Content.ReadAsStringAsync();
        return new BoundaryAnswer($"REST {status}", status is >= 400 and < 500, status >= 500, text[..Math.Min(text.Length, 2000)]);
    }
}

/// <summary>
/// The boundary cases of a REST operation, from its OpenAPI description: every string with <c>maxLength</c>, array
/// with <c>maxItems</c> and number with <c>minimum</c> / <c>maximum</c>, among the path and query parameters and
/// anywhere in the JSON body (nested objects and array elements included). The rest of the request is filled with
/// plausible values: enums take their first value, strings <see cref="PlausibleValues"/>, numbers their minimum or 1.
/// </summary>
public sealed class RestBoundaries(RestOperation operation, string municipality)
{
    private const int MaxDepth = 8;
    private const string Element = "[]";

    // 'ñ' goes as two bytes of UTF-8, not as the six of "\u00F1".
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private JsonElement Document => operation.Document;

    public (List<RestCase> Cases, int Fields, int UndeclaredParameters) Cases()
    {
        var cases = new List<RestCase>();
        var fields = 0;
        var undeclared = 0;
        foreach (var parameter in operation.Parameters.Where(p => p.In is "path" or "query"))
        {
            var schema = OpenApiCatalog.NonNull(Document, parameter.Schema);
            if (Limit(schema) is not { } limit)
            {
                undeclared += OpenApiCatalog.TypeOf(schema) == "string" && !schema.TryGetProperty("format", out _) ? 1 : 0;
                continue;
            }

            fields++;
            var body = BodyJson(null, null);
            cases.AddRange(limit.Cases().Select(c => new RestCase(operation, $"{parameter.In}.{parameter.Name}", c.Kind, c.Value.ToString(),
                Target(parameter, Scalar(c.Value)), body)));
        }

        if (operation.Body is { ValueKind: JsonValueKind.Object } bodySchema)
        {
            foreach (var (slot, limit) in Slots(bodySchema, [], 0))
            {
                fields++;
                var name = "body" + string.Concat(slot.Select(s => s == Element ? Element : "." + s));
                cases.AddRange(limit.Cases().Select(c => new RestCase(operation, name, c.Kind, c.Value.ToString(), Target(null, null), BodyJson(slot, c.Value))));
            }
        }

        return (cases, fields, undeclared);
    }

    private static DeclaredLimit? Limit(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var limit = OpenApiCatalog.TypeOf(schema) switch
        {
            "string" => new DeclaredLimit(MaxLength: Number(schema, "maxLength") is { } length ? (ulong)length : null),
            "array" => new DeclaredLimit(MaxItems: Number(schema, "maxItems") is { } items ? (ulong)items : null),
            "integer" or "number" => new DeclaredLimit(
                Below: Number(schema, "minimum") - 1 ?? Number(schema, "exclusiveMinimum"),
                Above: Number(schema, "maximum") + 1 ?? Number(schema, "exclusiveMaximum")),
            _ => null,
        };
        return limit == new DeclaredLimit() ? null : limit;
    }

    private static decimal? Number(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.Number &&
        decimal.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <summary>Every place in the body that declares a limit, as a path of property names and "[]" for array elements.</summary>
    private IEnumerable<(List<string> Slot, DeclaredLimit Limit)> Slots(JsonElement schema, List<string> path, int depth)
    {
        var resolved = OpenApiCatalog.NonNull(Document, schema);
        if (depth > MaxDepth || resolved.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        if (Limit(resolved) is { } limit)
        {
            yield return (path, limit);
        }

        var children = OpenApiCatalog.TypeOf(resolved) switch
        {
            "object" when resolved.TryGetProperty("properties", out var properties) => properties.EnumerateObject().Select(p => (p.Name, p.Value)).ToList(),
            "array" when resolved.TryGetProperty("items", out var items) => [(Element, items)],
            _ => [],
        };
        foreach (var (name, child) in children)
        {
            foreach (var found in Slots(child, [.. path, name], depth + 1))
            {
                yield return found;
            }
        }
    }

    private string Target(RestParameter? boundary, string? value)
    {
        var path = operation.Path;
        var query = new List<string>();
        foreach (var parameter in operation.Parameters)
        {
            var text = parameter == boundary ? value! : Scalar(OpenApiCatalog.NonNull(Document, parameter.Schema), parameter.Name, PathNamesAMunicipality(parameter.Name));
            if (parameter.In == "path")
            {
                path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(text), StringComparison.Ordinal);
            }
            else if (parameter.In == "query" && (parameter == boundary || Required(parameter)))
            {
                query.Add($"{Uri.EscapeDataString(parameter.Name)}={Uri.EscapeDataString(text)}");
            }
        }

        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    private bool Required(RestParameter parameter) =>
        Operation().TryGetProperty("parameters", out var list) &&
        list.EnumerateArray().Any(p => p.GetProperty("name").GetString() == parameter.Name && p.TryGetProperty("required", out var r) && r.GetBoolean());

    private JsonElement Operation() => Document.GetProperty("paths").GetProperty(operation.Path).GetProperty(operation.Method.Method.ToLowerInvariant());

    /// <summary>"{code}" right after "municipalities" is a municipality code.</summary>
    private bool PathNamesAMunicipality(string name) =>
        operation.Path.Contains("/municipalities/{" + name + "}", StringComparison.Ordinal);

    private string? BodyJson(List<string>? slot, BoundaryValue? value) =>
        operation.Body is { ValueKind: JsonValueKind.Object } schema ? Build(schema, "", slot, 0, value, 0)?.ToJsonString(Unescaped) ?? "null" : null;

    private JsonNode? Build(JsonElement schema, string name, List<string>? slot, int at, BoundaryValue? value, int depth)
    {
        var resolved = OpenApiCatalog.NonNull(Document, schema);
        if (slot is not null && at == slot.Count)
        {
            return Render(resolved, name, value!, depth);
        }

        if (resolved.ValueKind == JsonValueKind.Object && resolved.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            return JsonNode.Parse(values[0].GetRawText());
        }

        var next = slot is not null && at < slot.Count ? slot[at] : null;
        switch (OpenApiCatalog.TypeOf(resolved))
        {
            case "object":
                var result = new JsonObject();
                if (depth < MaxDepth && resolved.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        result[property.Name] = property.Name == next
                            ? Build(property.Value, property.Name, slot, at + 1, value, depth + 1)
                            : Build(property.Value, property.Name, null, 0, null, depth + 1);
                    }
                }

                return result;
            case "array":
                return resolved.TryGetProperty("items", out var items) && depth < MaxDepth
                    ? new JsonArray(next == Element ? Build(items, name, slot, at + 1, value, depth + 1) : Build(items, name, null, 0, null, depth + 1))
                    : new JsonArray();
            case "integer" or "number":
                return JsonNode.Parse(Scalar(resolved, name, false));
            case "boolean":
                return PlausibleValues.Flag(name);
            case "string":
                return Scalar(resolved, name, name == "code" && operation.Path.EndsWith("/municipalities", StringComparison.Ordinal));
            default:
                return null;
        }
    }

    private JsonNode? Render(JsonElement schema, string name, BoundaryValue value, int depth)
    {
        if (value.Text is { } text)
        {
            return text;
        }

        if (value.Number is { } number)
        {
            return JsonNode.Parse(number.ToString(CultureInfo.InvariantCulture));
        }

        var items = schema.GetProperty("items");
        var list = new JsonArray();
        for (ulong i = 0; i < value.Count!.Value; i++)
        {
            list.Add(Build(items, name, null, 0, null, depth + 1));
        }

        return list;
    }

    private static string Scalar(BoundaryValue value) => value.Text ?? value.Number!.Value.ToString(CultureInfo.InvariantCulture);

    private string Scalar(JsonElement schema, string name, bool namesAMunicipality)
    {
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            return values[0].ToString();
        }

        var format = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        switch (OpenApiCatalog.TypeOf(schema))
        {
            case "integer" or "number":
                var minimum = Number(schema, "minimum");
                var maximum = Number(schema, "maximum");
                var plausible = minimum ?? (maximum < 1 ? maximum : 1);
                return plausible!.Value.ToString(CultureInfo.InvariantCulture);
            case "boolean":
                return PlausibleValues.Flag(name) ? "true" : "false";
        }

        var text = format switch
        {
            "uuid" => Guid.NewGuid().ToString(),
            "date" => "2026-06-15",
            "date-time" => "2026-06-15T10:00:00Z",
            _ => PlausibleValues.Text(name, municipality, namesAMunicipality),
        };
        return Number(schema, "maxLength") is { } max && text.Length > max ? text[..(int)max] : text;
    }
}
