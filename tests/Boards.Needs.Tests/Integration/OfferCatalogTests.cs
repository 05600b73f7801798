namespace Boards.Needs.Tests.Integration;

/// <summary>The offer catalog over HTTP with real tokens: scope, every field checked at once, versions, and the event.</summary>
public sealed class OfferCatalogTests(NeedsHost host) : IClassFixture<NeedsHost>
{
    private static string Services(string municipality) => $"/api/offer/{municipality}/services";

    [Fact]
    public async Task A_focal_point_adds_lists_reads_and_updates_a_service_of_their_own_municipality()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        var other = Http.Service("pension-adultos-mayores");
        other["name"] = "Pensión Alimentaria para Adultos Mayores";
        other["program"] = "Pensión Alimentaria para Adultos Mayores";
        other["categories"] = new[] { "social_security" };
        other["channel"] = "office";
        other["monthlyCapacity"] = null;

        var created = await (await focal.PostJsonAsync(Services(municipality), Http.Service("tekopora"))).JsonAsync(HttpStatusCode.Created);
        await (await focal.PostJsonAsync(Services(municipality), other)).JsonAsync(HttpStatusCode.Created);
        var all = await (await focal.GetAsync(Services(municipality))).JsonAsync(HttpStatusCode.OK);
        var food = await (await focal.GetAsync($"{Services(municipality)}?category=food_security")).JsonAsync(HttpStatusCode.OK);
        var update = Http.Service("tekopora", "waitlist", "one_to_3_months");
        update["expectedVersion"] = 1;
        var updated = await (await focal.PutJsonAsync($"{Services(municipality)}/tekopora", update)).JsonAsync(HttpStatusCode.OK);
        var read = await (await focal.GetAsync($"{Services(municipality)}/tekopora")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, created.GetProperty("version").GetInt32());
        Assert.Equal("home_visit", created.GetProperty("channel").GetString());
        Assert.Equal("available", created.GetProperty("capacityStatus").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("waitlistBand").ValueKind);
        Assert.Equal(["pension-adultos-mayores", "tekopora"], all.EnumerateArray().Select(s => s.GetProperty("code").GetString()!).ToArray());
        Assert.Equal("tekopora", Assert.Single(food.EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        Assert.Equal("waitlist", read.GetProperty("capacityStatus").GetString());
        Assert.Equal("one_to_3_months", read.GetProperty("waitlistBand").GetString());
        Assert.Equal(["food_security", "education"], read.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!).ToArray());
    }

    [Fact]
    public async Task A_focal_point_of_another_municipality_is_refused_reading_and_writing()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var admin = host.Client(host.Admin());
        await (await admin.PostJsonAsync(Services(municipality), Http.Service("usf"))).JsonAsync(HttpStatusCode.Created);
        using var stranger = host.Client(host.FocalPoint("pilar"));
        var update = Http.Service("usf");
        update["expectedVersion"] = 1;

        await (await stranger.GetAsync(Services(municipality))).JsonAsync(HttpStatusCode.Forbidden);
        await (await stranger.GetAsync($"{Services(municipality)}/usf")).JsonAsync(HttpStatusCode.Forbidden);
        await (await stranger.PostJsonAsync(Services(municipality), Http.Service("otro"))).JsonAsync(HttpStatusCode.Forbidden);
        var refused = await (await stranger.PutJsonAsync($"{Services(municipality)}/usf", update)).JsonAsync(HttpStatusCode.Forbidden);

        Assert.Contains("pilar", refused.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Analysts_officers_and_integrators_read_every_municipality_but_write_none()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var admin = host.Client(host.Admin());
        await (await admin.PostJsonAsync(Services(municipality), Http.Service("alimentacion-escolar"))).JsonAsync(HttpStatusCode.Created);

        foreach (var token in new[] { host.Analyst(), host.Officer(), host.Integrator() })
        {
            using var client = host.Client(token);
            var listed = await (await client.GetAsync(Services(municipality))).JsonAsync(HttpStatusCode.OK);
            Assert.Single(listed.EnumerateArray());
            await (await client.PostJsonAsync(Services(municipality), Http.Service("otro"))).JsonAsync(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Every_bad_field_is_listed_in_one_400()
    {
        using var admin = host.Client(host.Admin());
        var body = Http.Service("Código Malo", "waitlist");
        body["name"] = "";
        body["institutionCode"] = "ministerio-inventado";
        body["categories"] = new[] { "food_security", "astrologia" };
        body["channel"] = "carta";
        body["monthlyCapacity"] = -1;

        var problem = await (await admin.PostJsonAsync(Services("no-existe"), body)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(
            ["categories", "channel", "code", "institutionCode", "monthlyCapacity", "municipalityCode", "name", "waitlistBand"],
            problem.ErrorFields());
        var errors = problem.GetProperty("errors");
        Assert.Contains("astrologia", errors.GetProperty("categories")[0].GetString());
        Assert.Contains("ministerio-inventado", errors.GetProperty("institutionCode")[0].GetString());
        Assert.Contains("no-existe", errors.GetProperty("municipalityCode")[0].GetString());
        Assert.Equal("La solicitud tiene datos inválidos.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_band_without_a_waitlist_and_an_update_without_expected_version_are_400()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var admin = host.Client(host.Admin());
        await (await admin.PostJsonAsync(Services(municipality), Http.Service("usf"))).JsonAsync(HttpStatusCode.Created);

        var band = await (await admin.PostJsonAsync(Services(municipality), Http.Service("otro", "full", "over_3_months"))).JsonAsync(HttpStatusCode.BadRequest);
        var noVersion = await (await admin.PutJsonAsync($"{Services(municipality)}/usf", Http.Service("usf"))).JsonAsync(HttpStatusCode.BadRequest);
        var empty = await (await admin.PostJsonAsync(Services(municipality), new { })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["waitlistBand"], band.ErrorFields());
        Assert.Equal(["expectedVersion"], noVersion.ErrorFields());
        Assert.Equal(["capacityStatus", "categories", "channel", "code", "eligibilitySummary", "institutionCode", "name", "program"], empty.ErrorFields());
    }

    [Fact]
    public async Task A_stale_expected_version_and_a_taken_code_are_409()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        await (await focal.PostJsonAsync(Services(municipality), Http.Service("tekopora"))).JsonAsync(HttpStatusCode.Created);
        var first = Http.Service("tekopora", "full");
        first["expectedVersion"] = 1;
        await (await focal.PutJsonAsync($"{Services(municipality)}/tekopora", first)).JsonAsync(HttpStatusCode.OK);

        var stale = await (await focal.PutJsonAsync($"{Services(municipality)}/tekopora", first)).JsonAsync(HttpStatusCode.Conflict);
        var taken = await (await focal.PostJsonAsync(Services(municipality), Http.Service("tekopora"))).JsonAsync(HttpStatusCode.Conflict);

        Assert.Equal("Versión desactualizada.", stale.GetProperty("title").GetString());
        Assert.Equal("Ya existe.", taken.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Unknown_services_municipalities_and_categories_are_404_404_and_400()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var admin = host.Client(host.Admin());

        await (await admin.GetAsync($"{Services(municipality)}/no-existe")).JsonAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync(Services("no-existe"))).JsonAsync(HttpStatusCode.NotFound);
        var category = await (await admin.GetAsync($"{Services(municipality)}?category=astrologia")).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["category"], category.ErrorFields());
    }

    [Fact]
    public async Task Every_change_reaches_rabbitmq_as_service_offer_changed_through_the_outbox()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        await (await focal.PostJsonAsync(Services(municipality), Http.Service("tekopora"))).JsonAsync(HttpStatusCode.Created);
        var update = Http.Service("tekopora", "waitlist", "over_3_months");
        update["expectedVersion"] = 1;
        await (await focal.PutJsonAsync($"{Services(municipality)}/tekopora", update)).JsonAsync(HttpStatusCode.OK);

        await NeedsHost.WaitUntilAsync(
            () => Task.FromResult(host.OfferChanges.Count(c => c.MunicipalityCode == municipality) == 2),
            "both ServiceOfferChanged of the municipality on the listener");

        var changes = host.OfferChanges.Where(c => c.MunicipalityCode == municipality).OrderBy(c => c.Version).ToList();
        Assert.Equal((1, "available", (string?)null, 40), (changes[0].Version, changes[0].CapacityStatus, changes[0].WaitlistBand, changes[0].MonthlyCapacity!.Value));
        Assert.Equal((2, "waitlist", "over_3_months"), (changes[1].Version, changes[1].CapacityStatus, changes[1].WaitlistBand));
        Assert.Equal(["food_security", "education"], changes[1].Categories);
        Assert.All(changes, c => Assert.Equal("tekopora", c.ServiceCode));
    }

    [Fact]
    public async Task Without_a_token_it_is_401()
    {
        using var anonymous = host.Client(null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Services("pilar"))).StatusCode);
    }
}
