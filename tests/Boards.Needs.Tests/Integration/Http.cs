using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Boards.Needs.Tests.Integration;

internal static class Http
{
    /// <summary>A valid catalog entry; tests change what they need with a `with` on the anonymous shape's copy.</summary>
    public static Dictionary<string, object?> Service(string code, string capacityStatus = "available", string? waitlistBand = null) => new()
    {
        ["code"] = code,
        ["name"] = "Tekoporã",
        ["program"] = "Tekoporã",
        ["institutionCode"] = "mds",
        ["categories"] = new[] { "food_security", "education" },
        ["eligibilitySummary"] = "Hogares en pobreza extrema con niñas, niños o personas mayores.",
        ["channel"] = "home_visit",
        ["monthlyCapacity"] = 40,
        ["capacityStatus"] = capacityStatus,
        ["waitlistBand"] = waitlistBand,
    };

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} instead of {(int)expected}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body) =>
        client.PutAsJsonAsync(path, body);

    public static string[] ErrorFields(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
}
