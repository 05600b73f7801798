using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Boards.Testing;

/// <summary>JSON over HTTP in the service tests: bodies sent, responses read once their status is the expected one.</summary>
public static class HttpJson
{
    /// <summary>The response's JSON body (default when empty); fails the test, with the body, on any other status.</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new UnexpectedStatusException($"{(int)response.StatusCode} instead of {(int)expected}: {body}");
        }

        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body) => client.PutAsJsonAsync(path, body);

    /// <summary>The fields a validation problem names, in ordinal order.</summary>
    public static string[] ErrorFields(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static int Int(this JsonElement element, string property) => element.GetProperty(property).GetInt32();

    public static long Long(this JsonElement element, string property) => element.GetProperty(property).GetInt64();

    public static decimal Dec(this JsonElement element, string property) => element.GetProperty(property).GetDecimal();

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();
}

/// <summary>A response's status was not the one the test expected (Boards.Testing does not reference xunit's Assert).</summary>
public sealed class UnexpectedStatusException(string message) : Exception(message);
