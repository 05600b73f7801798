using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Boards.EndToEnd.Tests;

public static class BoardSetup
{
    /// <summary>A new district in the registry, added by the ministry's admin; its code starts with <paramref name="prefix"/>.</summary>
    public static async Task<string> AddDistrictAsync(HttpClient http, string adminToken, string prefix)
    {
        var code = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/municipalities")
        {
            Content = JsonContent.Create(new { code, name = "Distrito de prueba " + code[^8..], department = "Boquerón", departmentNumber = 16, status = "expansion-2026" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return code;
    }

    /// <summary>The municipality's board, made by the ministry's admin unless it exists already (201 or 409).</summary>
    public static async Task EnsureBoardAsync(HttpClient http, string adminToken, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/boards")
        {
            Content = JsonContent.Create(new
            {
                municipalityCode = code,
                resolutionNumber = "Res. 5/2025",
                resolutionDate = "2025-03-01",
                chairName = "Intendencia municipal",
                chairRole = "mayor",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await http.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
