using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Boards.Planning.Tests.Integration;

internal static class Http
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} instead of {(int)expected}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body) => client.PutAsJsonAsync(path, body);

    public static string[] ErrorFields(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static decimal Dec(this JsonElement element, string property) => element.GetProperty(property).GetDecimal();

    public static long Long(this JsonElement element, string property) => element.GetProperty(property).GetInt64();
}
