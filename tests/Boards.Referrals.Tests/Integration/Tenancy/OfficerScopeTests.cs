namespace Boards.Referrals.Tests.Integration.Tenancy;

/// <summary>
/// Reported: an institution's officers read that institution's referrals in every municipality. An officer serves in
/// the municipalities their token lists (attribute municipalities); an integrator stays national for its institution.
/// </summary>
[Collection(BatchCollection.Name)]
public sealed class OfficerScopeTests(BatchHost host)
{
    private object Referral(string municipality) => new
    {
        requestId = $"r-{Guid.NewGuid():N}", municipalityCode = municipality, destinationMunicipalityCode = "pilar",
        originInstitution = "mspbs", destinationInstitution = "mds", serviceCode = NewService(), needCategory = "proteccion-social",
        priority = "normal", reason = "Derivación.",
        person = new { documentNumber = "4455667", givenNames = "Lucía", familyNames = "Benítez", birthDate = "1988-11-20", sex = "female" },
        consent = new { given = true, givenBy = "la persona" },
    };

    private string NewService()
    {
        var service = BatchRequests.NewServiceCode();
        host.Catalog.Answer(service, BatchRequests.Available);
        return service;
    }

    private async Task<Guid> SendAsync(string municipality)
    {
        using var integrator = host.Client(await host.TokenAsync(null, BoardsRoles.Integrator));
        return (await (await integrator.PostJsonAsync("/api/referrals", Referral(municipality))).JsonAsync(HttpStatusCode.Created)).Id();
    }

    private static async Task<HashSet<Guid>> ListedAsync(HttpClient client)
    {
        var page = await (await client.GetAsync("/api/referrals?pageSize=200")).JsonAsync(HttpStatusCode.OK);
        return page.GetProperty("referrals").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToHashSet();
    }

    [Fact]
    public async Task An_officer_reads_only_in_the_municipalities_where_they_serve_and_an_integrator_everywhere()
    {
        var fromAltoVera = await SendAsync("alto-vera");
        var fromYhu = await SendAsync("yhu");

        using var originOfficer = host.Client(await host.OfficerTokenAsync("mspbs", "alto-vera"));
        using var destinationOfficer = host.Client(await host.OfficerTokenAsync("mds", "pilar"));
        using var elsewhere = host.Client(await host.OfficerTokenAsync("mds", "alto-vera", "yhu"));
        using var integrator = host.Client(await host.TokenAsync(null, BoardsRoles.Integrator));

        var origin = await ListedAsync(originOfficer);
        Assert.Contains(fromAltoVera, origin);
        Assert.DoesNotContain(fromYhu, origin);
        Assert.Equal(HttpStatusCode.NotFound, (await originOfficer.GetAsync($"/api/referrals/{fromYhu}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await originOfficer.GetAsync($"/api/referrals/{fromAltoVera}")).StatusCode);

        // mds receives both in pilar: an mds officer of pilar sees both, one of alto-vera and yhu sees neither.
        Assert.Superset(new HashSet<Guid> { fromAltoVera, fromYhu }, await ListedAsync(destinationOfficer));
        Assert.DoesNotContain(fromAltoVera, await ListedAsync(elsewhere));
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/referrals/{fromAltoVera}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostJsonAsync($"/api/referrals/{fromAltoVera}/accept", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await destinationOfficer.PostJsonAsync($"/api/referrals/{fromAltoVera}/accept", new { })).StatusCode);

        Assert.Superset(new HashSet<Guid> { fromAltoVera, fromYhu }, await ListedAsync(integrator));
    }

    [Fact]
    public async Task An_officer_who_serves_nowhere_is_told_why()
    {
        using var officer = host.Client(await host.OfficerTokenAsync("mspbs"));

        var refusal = await (await officer.GetAsync("/api/referrals")).JsonAsync(HttpStatusCode.Forbidden);

        Assert.Contains("municipalities", refusal.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_cannot_send_from_a_municipality_where_they_do_not_serve()
    {
        using var officer = host.Client(await host.OfficerTokenAsync("mspbs", "alto-vera"));

        var refused = await officer.PostJsonAsync("/api/referrals", Referral("yhu"));
        var sent = await officer.PostJsonAsync("/api/referrals", Referral("alto-vera"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
    }
}
