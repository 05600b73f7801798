using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Boards.ServiceDays.Tests.Integration;

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

    public static int Int(this JsonElement element, string property) => element.GetProperty(property).GetInt32();
}

/// <summary>Request bodies the tests start from.</summary>
internal static class Requests
{
    public static object Day(string municipality, params (string Institution, string[] Services)[] institutions) => new
    {
        municipalityCode = municipality,
        locality = "Compañía San Blas",
        date = "2026-12-05",
        venue = "Escuela Básica N° 123",
        expectedAttendance = 120,
        institutions = institutions.Select(i => new { institutionCode = i.Institution, services = i.Services }).ToArray(),
    };

    public static object Referral(string entryId, string document, string origin = "mspbs") => new
    {
        entryId,
        originInstitution = origin,
        destinationInstitution = "mds",
        serviceCode = "tekopora",
        needCategory = "food_security",
        priority = "normal",
        reason = "Hogar sin ingresos fijos con tres niños en edad escolar.",
        person = new
        {
            documentNumber = document,
            givenNames = "María Elena",
            familyNames = "Benítez Ortiz",
            birthDate = "1988-04-12",
            sex = "female",
            phone = "0981 123 456",
            locality = "Compañía San Blas",
        },
        consent = new { given = true, givenBy = "la persona" },
    };
}
