namespace Boards.EndToEnd.Tests;

/// <summary>
/// Referrals now ask the offer catalog first, so the service the tests refer to ("atencion-primaria", see
/// <see cref="Requests"/>) must be offered where they send it. A ministry administrator adds it through the gateway,
/// as a person would; 409 means it is already there, so this is safe to repeat.
/// </summary>
public static class OfferSetup
{
    public const string PrimaryCare = "atencion-primaria";

    public static object Service(string code, string capacityStatus = "available", string? waitlistBand = null) => new
    {
        code,
        name = "Atención primaria de salud",
        program = "Unidad de Salud de la Familia",
        institutionCode = "mspbs",
        categories = new[] { "health" },
        eligibilitySummary = "Toda persona del distrito, con o sin documento.",
        channel = "health_unit",
        monthlyCapacity = 200,
        capacityStatus,
        waitlistBand,
    };

    /// <summary>Adds the service to the municipality's catalog: 201, or 409 when it is already there.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> OfferAsync(HttpClient gateway, string adminToken, string municipality, object service)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/offer/{municipality}/services") { Content = JsonContent.Create(service) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await gateway.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The service's name in the municipality's offer, as the portal should show it (the demo data may have named it first).</summary>
    public static async Task<string> NameAsync(HttpClient gateway, string token, string municipality, string code)
    {
        var service = await gateway.ExpectJsonAsync(HttpMethod.Get, $"/api/offer/{municipality}/services/{code}", token, [HttpStatusCode.OK]);
        return service.GetProperty("name").GetString()!;
    }

    public static bool Offered(HttpStatusCode status) => status is HttpStatusCode.Created or HttpStatusCode.Conflict;

    /// <summary>Primary care in every municipality Membership lists.</summary>
    public static async Task OfferPrimaryCareEverywhereAsync(HttpClient gateway, string adminToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/municipalities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await gateway.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var municipalities = await response.Content.ReadFromJsonAsync<List<MunicipalityCode>>();
        foreach (var municipality in municipalities!)
        {
            var (status, body) = await OfferAsync(gateway, adminToken, municipality.Code, Service(PrimaryCare));
            if (!Offered(status))
            {
                throw new InvalidOperationException($"POST /api/offer/{municipality.Code}/services: {(int)status} {body}");
            }
        }
    }

    private sealed record MunicipalityCode(string Code);
}
