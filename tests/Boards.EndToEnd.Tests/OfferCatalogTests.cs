using Boards.Needs.Contracts.Grpc;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// The offer catalog through the gateway with real tokens: a focal point adds a service in their municipality, another
/// municipality's focal point is refused, and an integrator asks CheckAvailability over gRPC.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class OfferCatalogTests(BoardsAppFixture boards)
{
    [Fact]
    public async Task A_focal_point_offers_a_service_and_an_integrator_finds_it_available()
    {
        var code = $"tekopora-{Guid.NewGuid().ToString("N")[..8]}";
        var service = new
        {
            code,
            name = "Tekoporã",
            program = "Tekoporã",
            institutionCode = "mds",
            categories = new[] { "food_security", "education" },
            eligibilitySummary = "Hogares en pobreza extrema con niñas, niños o personas mayores.",
            channel = "home_visit",
            monthlyCapacity = 40,
            capacityStatus = "available",
        };

        using (var created = await SendAsync(HttpMethod.Post, "/api/offer/alto-vera/services", await boards.Tokens.ForUser("focal.alto-vera"), service))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            Assert.Equal($"/api/offer/alto-vera/services/{code}", created.Headers.Location?.OriginalString);
        }

        using (var refused = await SendAsync(HttpMethod.Get, "/api/offer/alto-vera/services", await boards.Tokens.ForUser("focal.pilar")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var categories = await SendAsync(HttpMethod.Get, "/api/needs/categories", await boards.Tokens.ForUser("focal.pilar")))
        {
            Assert.Equal(HttpStatusCode.OK, categories.StatusCode);
        }

        var catalog = new OfferCatalog.OfferCatalogClient(boards.Channel);
        var integrator = BoardsAppFixture.Bearer(await boards.Tokens.ForIntegrator());
        var offered = await catalog.CheckAvailabilityAsync(new CheckAvailabilityRequest { MunicipalityCode = "alto-vera", ServiceCode = code }, integrator);
        var unknown = await catalog.CheckAvailabilityAsync(new CheckAvailabilityRequest { MunicipalityCode = "alto-vera", ServiceCode = "no-existe" }, integrator);

        Assert.True(offered.Offered);
        Assert.Equal(CapacityStatus.Available, offered.CapacityStatus);
        Assert.Equal("mds", offered.InstitutionCode);
        Assert.False(unknown.Offered);
        Assert.Equal("El servicio 'no-existe' no se ofrece en Alto Verá.", unknown.Message);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await boards.Http.SendAsync(request);
    }
}
