using Boards.Monitoring.Contracts.Grpc;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// The municipality registry through the gateway: ministry-admin adds a district in Membership, and the announcement
/// reaches Referrals (a referral can be sent from it) and Monitoring (listed by name).
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class MunicipalityRegistryTests(BoardsAppFixture boards)
{
    [Fact]
    public async Task A_district_added_by_the_ministry_is_listed_and_reaches_referrals_and_monitoring()
    {
        var code = $"e2e-distrito-{Guid.NewGuid().ToString("N")[..8]}";
        var district = new { code, name = "Distrito de prueba", department = "Boquerón", departmentNumber = 16, status = "expansion-2026" };
        var admin = await boards.Tokens.ForUser("admin");

        using (var refused = await SendAsync(HttpMethod.Post, "/api/municipalities", await boards.Tokens.ForUser("focal.alto-vera"), district))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var added = await SendAsync(HttpMethod.Post, "/api/municipalities", admin, district))
        {
            Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
            Assert.Equal($"/api/municipalities/{code}", added.Headers.Location?.OriginalString);
        }

        using (var again = await SendAsync(HttpMethod.Post, "/api/municipalities", admin, district))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        var analyst = await boards.Tokens.ForUser("analyst");
        using (var list = await SendAsync(HttpMethod.Get, "/api/municipalities", analyst))
        {
            var municipalities = await list.Content.ReadFromJsonAsync<List<MunicipalityJson>>();
            Assert.Contains(municipalities!, m => m == new MunicipalityJson(code, "Distrito de prueba", "Boquerón"));
        }

        // Needs learns the district from the same event; until then its catalog refuses the code (400). Referrals are
        // checked against the catalog, so the district must offer the service first.
        await Eventually.Until(
            async () => (await OfferSetup.OfferAsync(boards.Http, admin, code, OfferSetup.Service(OfferSetup.PrimaryCare))).Status,
            OfferSetup.Offered, what: $"needs to accept a catalog for {code}");

        // Referrals learns the district from MunicipalityRegistered; until then it refuses the code as unknown.
        var integrator = BoardsAppFixture.Bearer(await boards.Tokens.ForIntegrator());
        var referral = await Eventually.Until(
            async () =>
            {
                try
                {
                    return await boards.Referrals.CreateReferralAsync(Requests.NewReferral(code, origin: "mspbs", destination: "mds"), integrator);
                }
                catch (RpcException error) when (error.StatusCode == StatusCode.InvalidArgument)
                {
                    return null;
                }
            },
            created => created is not null,
            what: $"referrals to accept municipality {code}");
        Assert.Equal(code, referral!.MunicipalityCode);

        var bearer = BoardsAppFixture.Bearer(analyst);
        // Monitoring learns the district and the referral from their events, in its own time: NotFound until then.
        var summary = await Eventually.Until(
            async () =>
            {
                try
                {
                    return await boards.Monitoring.GetMunicipalityAsync(new GetMunicipalityRequest { Code = code }, bearer).ResponseAsync;
                }
                catch (RpcException error) when (error.StatusCode == StatusCode.NotFound)
                {
                    return null;
                }
            },
            s => s is { Name: "Distrito de prueba", Referrals.Sent: >= 1 },
            what: $"monitoring to list {code} by name with its referral");
        Assert.Equal("Boquerón", summary!.Department);
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

    private sealed record MunicipalityJson(string Code, string Name, string Department);
}
