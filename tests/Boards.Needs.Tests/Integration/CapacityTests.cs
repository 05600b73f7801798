using Grpc.Core;
using Proto = Boards.Needs.Contracts.Grpc;

namespace Boards.Needs.Tests.Integration;

/// <summary>
/// PUT /api/offer/{municipality}/services/{code}/capacity with real tokens: institution officers keep the capacity of
/// their institution's services where they serve, and nothing else; availability answers the change at once.
/// </summary>
public sealed class CapacityTests(NeedsHost host) : IClassFixture<NeedsHost>
{
    private static string Capacity(string municipality, string code) => $"/api/offer/{municipality}/services/{code}/capacity";

    private static Dictionary<string, object?> Body(string status, int? places, int expectedVersion, string? band = null) => new()
    {
        ["capacityStatus"] = status, ["waitlistBand"] = band, ["monthlyCapacity"] = places, ["expectedVersion"] = expectedVersion,
    };

    /// <summary>A new municipality whose offer has "tekopora" (mds, available, 40 places a month) at version 1.</summary>
    private async Task<string> MunicipalityWithTekoporaAsync()
    {
        var municipality = await host.NewMunicipalityAsync("Villa Capacidad");
        using var admin = host.Client(host.Admin());
        await (await admin.PostJsonAsync($"/api/offer/{municipality}/services", Http.Service("tekopora"))).JsonAsync(HttpStatusCode.Created);
        return municipality;
    }

    private async Task<JsonElement> ReadAsync(string municipality, string code = "tekopora")
    {
        using var admin = host.Client(host.Admin());
        return await (await admin.GetAsync($"/api/offer/{municipality}/services/{code}")).JsonAsync(HttpStatusCode.OK);
    }

    private async Task<Proto.Availability> CheckAvailabilityAsync(string municipality, string code)
    {
        using var channel = host.Channel();
        return await new Proto.OfferCatalog.OfferCatalogClient(channel).CheckAvailabilityAsync(
            new Proto.CheckAvailabilityRequest { MunicipalityCode = municipality, ServiceCode = code },
            new Metadata { { "authorization", $"Bearer {host.Integrator()}" } });
    }

    [Fact]
    public async Task An_officer_of_the_institution_serving_the_municipality_changes_the_capacity_and_availability_answers_it_at_once()
    {
        var municipality = await MunicipalityWithTekoporaAsync();
        using var officer = host.Client(await host.OfficerTokenAsync("mds", "pilar", municipality));

        var changed = await (await officer.PutJsonAsync(Capacity(municipality, "tekopora"), Body("full", 0, 1))).JsonAsync(HttpStatusCode.OK);
        var availability = await CheckAvailabilityAsync(municipality, "tekopora");
        var read = await ReadAsync(municipality);

        Assert.Equal((2, "full", 0), (changed.Int("version"), changed.Str("capacityStatus"), changed.Int("monthlyCapacity")));
        Assert.StartsWith("o-mds-", changed.Str("updatedBy"));
        Assert.True(availability.Offered);
        Assert.Equal(Proto.CapacityStatus.Full, availability.CapacityStatus);
        Assert.Equal("'Tekoporã' no tiene cupo este mes en Villa Capacidad.", availability.Message);
        // Only the capacity changed.
        Assert.Equal(("Tekoporã", "mds", "home_visit"), (read.Str("name"), read.Str("institutionCode"), read.Str("channel")));
        Assert.Equal(["food_security", "education"], read.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!).ToArray());
    }

    [Fact]
    public async Task The_change_reaches_rabbitmq_as_service_offer_changed_with_the_waiting_time()
    {
        var municipality = await MunicipalityWithTekoporaAsync();
        using var officer = host.Client(await host.OfficerTokenAsync("mds", municipality));

        await (await officer.PutJsonAsync(Capacity(municipality, "tekopora"), Body("waitlist", 55, 1, "one_to_3_months"))).JsonAsync(HttpStatusCode.OK);
        var availability = await CheckAvailabilityAsync(municipality, "tekopora");
        await NeedsHost.WaitUntilAsync(
            () => Task.FromResult(host.OfferChanges.Any(c => c.MunicipalityCode == municipality && c.Version == 2)),
            "ServiceOfferChanged version 2 on the listener");

        var change = host.OfferChanges.Single(c => c.MunicipalityCode == municipality && c.Version == 2);
        Assert.Equal(("waitlist", "one_to_3_months", 55, "Tekoporã"), (change.CapacityStatus, change.WaitlistBand, change.MonthlyCapacity!.Value, change.Name));
        Assert.Equal(Proto.WaitlistBand.OneTo3Months, availability.WaitlistBand);
    }

    [Fact]
    public async Task An_officer_of_the_institution_in_a_municipality_they_do_not_serve_is_refused_with_the_reason()
    {
        var municipality = await MunicipalityWithTekoporaAsync();
        using var officer = host.Client(await host.OfficerTokenAsync("mds", "pilar"));

        var refused = await (await officer.PutJsonAsync(Capacity(municipality, "tekopora"), Body("full", 0, 1))).JsonAsync(HttpStatusCode.Forbidden);
        // The same answer whether or not the service exists there: the officer may read that catalog anyway.
        await (await officer.PutJsonAsync(Capacity(municipality, "no-existe"), Body("full", 0, 1))).JsonAsync(HttpStatusCode.Forbidden);
        var read = await ReadAsync(municipality);

        Assert.Contains($"no atiende en '{municipality}'", refused.Str("detail"));
        Assert.Equal((1, "available"), (read.Int("version"), read.Str("capacityStatus")));
    }

    [Fact]
    public async Task An_officer_of_another_institution_is_refused_here_and_on_the_whole_service()
    {
        var municipality = await MunicipalityWithTekoporaAsync();
        using var officer = host.Client(await host.OfficerTokenAsync("mspbs", municipality));
        var whole = Http.Service("tekopora", "full");
        whole["expectedVersion"] = 1;

        var refused = await (await officer.PutJsonAsync(Capacity(municipality, "tekopora"), Body("full", 0, 1))).JsonAsync(HttpStatusCode.Forbidden);
        await (await officer.PutJsonAsync($"/api/offer/{municipality}/services/tekopora", whole)).JsonAsync(HttpStatusCode.Forbidden);
        var read = await ReadAsync(municipality);

        Assert.Contains("es de la institución 'mds'", refused.Str("detail"));
        Assert.Equal((1, "available"), (read.Int("version"), read.Str("capacityStatus")));
    }

    [Fact]
    public async Task An_officer_cannot_change_the_name_or_anything_else_through_the_capacity_route()
    {
        var municipality = await MunicipalityWithTekoporaAsync();
        using var officer = host.Client(await host.OfficerTokenAsync("mds", municipality));
        var body = Body("full", 0, 1);
        body["name"] = "Otro nombre";
        body["categories"] = new[] { "housing" };
        var whole = Http.Service("tekopora");
        whole["name"] = "Otro nombre";
        whole["expectedVersion"] = 1;

        var problem = await (await officer.PutJsonAsync(Capacity(municipality, "tekopora"), body)).JsonAsync(HttpStatusCode.BadRequest);
        await (await officer.PutJsonAsync($"/api/offer/{municipality}/services/tekopora", whole)).JsonAsync(HttpStatusCode.Forbidden);
        var read = await ReadAsync(municipality);

        Assert.Equal(["categories", "name"], problem.ErrorFields());
        Assert.Contains("solo se cambia la capacidad", problem.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal((1, "Tekoporã", "available"), (read.Int("version"), read.Str("name"), read.Str("capacityStatus")));
    }

    [Fact]
    public async Task A_stale_version_is_409_naming_the_current_version_and_changes_nothing()
    {
        var municipality = await MunicipalityWithTekoporaAsync();
        using var officer = host.Client(await host.OfficerTokenAsync("mds", municipality));
        await (await officer.PutJsonAsync(Capacity(municipality, "tekopora"), Body("full", 0, 1))).JsonAsync(HttpStatusCode.OK);

        var stale = await (await officer.PutJsonAsync(Capacity(municipality, "tekopora"), Body("available", 10, 1))).JsonAsync(HttpStatusCode.Conflict);
        var read = await ReadAsync(municipality);

        Assert.Equal("Versión desactualizada.", stale.Str("title"));
        Assert.Contains("está en la versión 2 y usted envió 1", stale.Str("detail"));
        Assert.Equal((2, "full"), (read.Int("version"), read.Str("capacityStatus")));
    }

    [Fact]
    public async Task Bad_input_is_400_naming_every_field_and_changes_nothing()
    {
        var municipality = await MunicipalityWithTekoporaAsync();
        using var officer = host.Client(await host.OfficerTokenAsync("mds", municipality));
        var path = Capacity(municipality, "tekopora");

        var values = await (await officer.PutJsonAsync(path, Body("astral", -1, 0))).JsonAsync(HttpStatusCode.BadRequest);
        var tooMany = await (await officer.PutJsonAsync(path, Body("available", 1_000_001, 1))).JsonAsync(HttpStatusCode.BadRequest);
        var noBand = await (await officer.PutJsonAsync(path, Body("waitlist", 5, 1))).JsonAsync(HttpStatusCode.BadRequest);
        var bandWithoutWaitlist = await (await officer.PutJsonAsync(path, Body("full", 0, 1, "over_3_months"))).JsonAsync(HttpStatusCode.BadRequest);
        var empty = await (await officer.PutJsonAsync(path, new { })).JsonAsync(HttpStatusCode.BadRequest);
        var huge = await (await officer.PutJsonAsync(path, Body(new string('ñ', 41), 0, 1, new string('ñ', 200_000)))).JsonAsync(HttpStatusCode.BadRequest);
        var hugeName = Body("full", 0, 1);
        hugeName["name"] = new string('ñ', 200_000);
        var hugeNamed = await (await officer.PutJsonAsync(path, hugeName)).JsonAsync(HttpStatusCode.BadRequest);
        var read = await ReadAsync(municipality);

        Assert.Equal(["capacityStatus", "expectedVersion", "monthlyCapacity"], values.ErrorFields());
        Assert.Contains("'astral' no es un valor válido", values.GetProperty("errors").GetProperty("capacityStatus")[0].GetString());
        Assert.Equal(["monthlyCapacity"], tooMany.ErrorFields());
        Assert.Equal(["waitlistBand"], noBand.ErrorFields());
        Assert.Equal(["waitlistBand"], bandWithoutWaitlist.ErrorFields());
        Assert.Equal(["capacityStatus", "expectedVersion"], empty.ErrorFields());
        Assert.Equal(["capacityStatus", "waitlistBand"], huge.ErrorFields());
        Assert.Equal("Admite como máximo 40 caracteres.", huge.GetProperty("errors").GetProperty("capacityStatus")[0].GetString());
        Assert.Equal(["name"], hugeNamed.ErrorFields());
        Assert.Equal("La solicitud tiene datos inválidos.", values.Str("title"));
        Assert.Equal((1, "available", 40), (read.Int("version"), read.Str("capacityStatus"), read.Int("monthlyCapacity")));
    }

    [Fact]
    public async Task Focal_points_and_ministry_admin_use_it_too_and_the_other_roles_are_refused()
    {
        var municipality = await MunicipalityWithTekoporaAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        using var admin = host.Client(host.Admin());
        using var otherFocal = host.Client(host.FocalPoint("pilar"));
        var path = Capacity(municipality, "tekopora");

        var byFocal = await (await focal.PutJsonAsync(path, Body("waitlist", 12, 1, "under_1_month"))).JsonAsync(HttpStatusCode.OK);
        var byAdmin = await (await admin.PutJsonAsync(path, Body("available", null, 2))).JsonAsync(HttpStatusCode.OK);
        var stranger = await (await otherFocal.PutJsonAsync(path, Body("full", 0, 3))).JsonAsync(HttpStatusCode.Forbidden);
        foreach (var token in new[] { host.Analyst(), host.Integrator(), host.Officer() })
        {
            using var client = host.Client(token);
            await (await client.PutJsonAsync(path, Body("full", 0, 3))).JsonAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal((2, "waitlist", "under_1_month", 12), (byFocal.Int("version"), byFocal.Str("capacityStatus"), byFocal.Str("waitlistBand"), byFocal.Int("monthlyCapacity")));
        Assert.Equal(3, byAdmin.Int("version"));
        Assert.Equal(JsonValueKind.Null, byAdmin.GetProperty("monthlyCapacity").ValueKind);
        Assert.Equal(JsonValueKind.Null, byAdmin.GetProperty("waitlistBand").ValueKind);
        Assert.Contains("pilar", stranger.Str("detail"));
    }

    [Fact]
    public async Task An_unknown_service_where_the_officer_serves_is_404_and_without_a_token_it_is_401()
    {
        var municipality = await MunicipalityWithTekoporaAsync();
        using var officer = host.Client(await host.OfficerTokenAsync("mds", municipality));
        using var anonymous = host.Client(null);

        var missing = await (await officer.PutJsonAsync(Capacity(municipality, "no-existe"), Body("full", 0, 1))).JsonAsync(HttpStatusCode.NotFound);
        var unauthenticated = await anonymous.PutJsonAsync(Capacity(municipality, "tekopora"), Body("full", 0, 1));

        Assert.Contains("no-existe", missing.Str("detail"));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }
}
