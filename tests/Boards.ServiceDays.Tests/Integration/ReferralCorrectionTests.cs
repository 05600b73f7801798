using System.Text.Json;

namespace Boards.ServiceDays.Tests.Integration;

/// <summary>
/// Offline tablets: a failed delivery says why as data (failureKind: unreachable, refused, service_not_offered), and an
/// entry the referrals service refused is corrected under the same entry id and sent again in the same call, once. Any
/// other entry resent with other content is still a reused id (409). The other end is the REAL referrals service: an
/// unknown institution is its InvalidArgument, a withdrawn service (<see cref="ServiceDaysHost.Withdraw"/>) its
/// FailedPrecondition SERVICE_NOT_OFFERED, a closed port the unreachable one.
/// </summary>
public sealed class ReferralCorrectionTests(ServiceDaysHost host) : IClassFixture<ServiceDaysHost>
{
    private const string Municipality = "villa-oliva";

    /// <summary>An institution the referrals service does not know: it refuses the referral naming the field.</summary>
    private const string UnknownInstitution = "inexistente";

    [Fact]
    public async Task Each_failed_entry_says_whether_to_send_it_again_or_correct_it()
    {
        var id = await ConfirmedDayAsync();
        using var focal = host.Client(await host.TokenAsync(Municipality, BoardsRoles.FocalPoint));
        var withdrawn = Withdrawn();

        var answer = await RecordAsync(focal, id,
            Requests.Referral("bien", "1111111"),
            Requests.Referral("destino-mal", "2222222", destination: UnknownInstitution),
            Requests.Referral("sin-oferta", "3333333", service: withdrawn));
        JsonElement down;
        host.Link.Reachable = false;
        try
        {
            down = await RecordAsync(focal, id, Requests.Referral("sin-red", "4444444"));
        }
        finally
        {
            host.Link.Reachable = true;
        }

        Assert.Equal((1, 2), (answer.Int("sent"), answer.Int("failed")));
        var answered = ByEntry(answer.GetProperty("entries")).Concat(ByEntry(down.GetProperty("entries"))).ToDictionary();
        var listed = ByEntry(await (await focal.GetAsync($"/api/service-days/{id}/referrals")).JsonAsync(HttpStatusCode.OK));
        foreach (var entries in new[] { answered, listed })
        {
            Assert.Equal(("sent", null), Outcome(entries["bien"]));
            Assert.Equal(("failed", ReferralFailureKind.Refused), Outcome(entries["destino-mal"]));
            Assert.Equal(("failed", ReferralFailureKind.ServiceNotOffered), Outcome(entries["sin-oferta"]));
            Assert.Equal(("failed", ReferralFailureKind.Unreachable), Outcome(entries["sin-red"]));
            // The Spanish errors stay as they were.
            Assert.StartsWith("El servicio de referencias rechazó la referencia:", entries["destino-mal"].Str("error"));
            Assert.Contains(UnknownInstitution, entries["destino-mal"].Str("error"));
            Assert.Equal($"El servicio de referencias rechazó la referencia: El servicio '{withdrawn}' ya no se ofrece en '{Municipality}'.",
                entries["sin-oferta"].Str("error"));
            Assert.Equal(ReferralSender.Unreachable, entries["sin-red"].Str("error"));
        }

        Assert.Equal([$"sd:{id:N}:bien"], (await host.ReferralsCreatedForDayAsync(id)).Select(r => r.RequestId));
    }

    [Fact]
    public async Task A_refused_entry_corrected_under_the_same_id_is_sent_in_the_same_call_once()
    {
        var id = await ConfirmedDayAsync();
        using var focal = host.Client(await host.TokenAsync(Municipality, BoardsRoles.FocalPoint));
        var withdrawn = Withdrawn();
        var wrongDestination = Requests.Referral("corregir-destino", "5555555", destination: UnknownInstitution);
        var refused = await RecordAsync(focal, id, wrongDestination, Requests.Referral("corregir-servicio", "6666666", service: withdrawn));
        Assert.Equal([ReferralFailureKind.Refused, ReferralFailureKind.ServiceNotOffered], refused.GetProperty("entries").EnumerateArray().Select(e => e.Str("failureKind")));

        var corrected = await RecordAsync(focal, id, Requests.Referral("corregir-destino", "5555555"), Requests.Referral("corregir-servicio", "6666666"));

        Assert.Equal((2, 0), (corrected.Int("sent"), corrected.Int("failed")));
        Assert.All(corrected.GetProperty("entries").EnumerateArray(), e =>
        {
            Assert.Equal(("sent", null), Outcome(e));
            Assert.Equal((2, "mds", "tekopora"), (e.Int("attempts"), e.Str("destinationInstitution"), e.Str("serviceCode")));
            Assert.Null(e.Str("error"));
            Assert.NotNull(e.Str("referralId"));
        });
        // One referral per entry in the referrals service, under the entry's own request id, with the corrected content.
        Assert.Equal(
            [($"sd:{id:N}:corregir-destino", "mds", "tekopora"), ($"sd:{id:N}:corregir-servicio", "mds", "tekopora")],
            await host.ReferralsCreatedForDayAsync(id));
        var stored = await host.InDbAsync(db => db.ReferralEntries.AsNoTracking().Where(e => e.ServiceDayId == id).ToListAsync());
        Assert.All(stored, e => Assert.Null(e.PendingPayload));

        // The correction resent is a replay, sent no more; the refused content resent is now a reused id.
        var replayed = await RecordAsync(focal, id, Requests.Referral("corregir-destino", "5555555"));
        Assert.Equal(("sent", 2), (replayed.GetProperty("entries")[0].Str("status"), replayed.GetProperty("entries")[0].Int("attempts")));
        var reused = await (await focal.PostJsonAsync($"/api/service-days/{id}/referrals", new { entries = new[] { wrongDestination } }))
            .JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("Identificador reutilizado.", reused.Str("title"));
        Assert.Equal(2, (await host.ReferralsCreatedForDayAsync(id)).Count);
    }

    [Fact]
    public async Task Other_content_under_the_id_of_a_sent_or_an_unreachable_entry_is_still_a_reused_id()
    {
        var id = await ConfirmedDayAsync();
        using var focal = host.Client(await host.TokenAsync(Municipality, BoardsRoles.FocalPoint));
        Assert.Equal(1, (await RecordAsync(focal, id, Requests.Referral("enviada", "7777777"))).Int("sent"));
        host.Link.Reachable = false;
        try
        {
            var down = await RecordAsync(focal, id, Requests.Referral("sin-red", "8888888"));
            Assert.Equal(("failed", ReferralFailureKind.Unreachable), Outcome(down.GetProperty("entries")[0]));
        }
        finally
        {
            host.Link.Reachable = true;
        }

        foreach (var other in new[] { Requests.Referral("enviada", "7777778"), Requests.Referral("sin-red", "8888889", destination: "mspbs") })
        {
            var reused = await (await focal.PostJsonAsync($"/api/service-days/{id}/referrals", new { entries = new[] { other } })).JsonAsync(HttpStatusCode.Conflict);
            Assert.Equal("Identificador reutilizado.", reused.Str("title"));
        }

        var listed = ByEntry(await (await focal.GetAsync($"/api/service-days/{id}/referrals")).JsonAsync(HttpStatusCode.OK));
        Assert.Equal((("sent", null), 1), (Outcome(listed["enviada"]), listed["enviada"].Int("attempts")));
        Assert.Equal((("failed", ReferralFailureKind.Unreachable), 1, "mds"),
            (Outcome(listed["sin-red"]), listed["sin-red"].Int("attempts"), listed["sin-red"].Str("destinationInstitution")));
        var kept = await host.InDbAsync(db => db.ReferralEntries.AsNoTracking().SingleAsync(e => e.ServiceDayId == id && e.EntryId == "sin-red"));
        Assert.Contains("8888888", kept.PendingPayload!);
        Assert.Single(await host.ReferralsCreatedForDayAsync(id));

        // Sent again as it was, the unreachable entry goes.
        Assert.Equal(1, (await RecordAsync(focal, id, Requests.Referral("sin-red", "8888888"))).Int("sent"));
    }

    [Fact]
    public async Task A_correction_refused_again_stays_failed_with_the_new_reason()
    {
        var id = await ConfirmedDayAsync();
        using var focal = host.Client(await host.TokenAsync(Municipality, BoardsRoles.FocalPoint));
        var withdrawn = Withdrawn();
        await RecordAsync(focal, id, Requests.Referral("dos-veces", "1212121", destination: UnknownInstitution));

        var again = (await RecordAsync(focal, id, Requests.Referral("dos-veces", "1212121", service: withdrawn))).GetProperty("entries")[0];

        var listed = (await (await focal.GetAsync($"/api/service-days/{id}/referrals")).JsonAsync(HttpStatusCode.OK))[0];
        foreach (var entry in new[] { again, listed })
        {
            Assert.Equal(("failed", ReferralFailureKind.ServiceNotOffered), Outcome(entry));
            Assert.Equal((2, "mds", withdrawn), (entry.Int("attempts"), entry.Str("destinationInstitution"), entry.Str("serviceCode")));
            Assert.Contains("ya no se ofrece", entry.Str("error"));
        }

        Assert.Empty(await host.ReferralsCreatedForDayAsync(id));
        var third = (await RecordAsync(focal, id, Requests.Referral("dos-veces", "1212121"))).GetProperty("entries")[0];
        Assert.Equal((("sent", null), 3), (Outcome(third), third.Int("attempts")));
        Assert.Single(await host.ReferralsCreatedForDayAsync(id));
    }

    [Fact]
    public async Task An_institution_corrects_only_the_entries_it_found()
    {
        var id = await ConfirmedDayAsync();
        using var health = host.Client(await host.OfficerTokenAsync("mspbs", Municipality));
        using var social = host.Client(await host.OfficerTokenAsync("mds", Municipality));
        await RecordAsync(health, id, Requests.Referral("de-salud", "3434343", destination: UnknownInstitution));

        var reused = await (await social.PostJsonAsync($"/api/service-days/{id}/referrals",
            new { entries = new[] { Requests.Referral("de-salud", "3434343", origin: "mds", destination: "mspbs") } })).JsonAsync(HttpStatusCode.Conflict);

        Assert.Equal("Identificador reutilizado.", reused.Str("title"));
        var listed = (await (await health.GetAsync($"/api/service-days/{id}/referrals")).JsonAsync(HttpStatusCode.OK))[0];
        Assert.Equal((("failed", ReferralFailureKind.Refused), "mspbs", UnknownInstitution),
            (Outcome(listed), listed.Str("originInstitution"), listed.Str("destinationInstitution")));
        var corrected = (await RecordAsync(health, id, Requests.Referral("de-salud", "3434343"))).GetProperty("entries")[0];
        Assert.Equal(("sent", null), Outcome(corrected));
    }

    [Fact]
    public async Task Of_two_corrections_of_one_entry_at_once_the_later_save_loses()
    {
        var id = await ConfirmedDayAsync();
        using var focal = host.Client(await host.TokenAsync(Municipality, BoardsRoles.FocalPoint));
        await RecordAsync(focal, id, Requests.Referral("a-la-vez", "5656565", destination: UnknownInstitution));

        await host.InDbAsync(async db =>
        {
            var stale = await db.ReferralEntries.SingleAsync(e => e.ServiceDayId == id && e.EntryId == "a-la-vez");
            // Meanwhile another tablet corrects it, and it is sent.
            Assert.Equal(1, (await RecordAsync(focal, id, Requests.Referral("a-la-vez", "5656565"))).Int("sent"));
            stale.Correct(new ReferralNeed("mspbs", "mtess", null, "tekopora", "food_security", "normal"), new string('1', 64), "{}", null);
            return await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        });

        var listed = (await (await focal.GetAsync($"/api/service-days/{id}/referrals")).JsonAsync(HttpStatusCode.OK))[0];
        Assert.Equal((("sent", null), "mds"), (Outcome(listed), listed.Str("destinationInstitution")));
    }

    private static (string Status, string? FailureKind) Outcome(JsonElement entry) => (entry.Str("status"), entry.Str("failureKind"));

    private static Dictionary<string, JsonElement> ByEntry(JsonElement entries) => entries.EnumerateArray().ToDictionary(e => e.Str("entryId"));

    private static async Task<JsonElement> RecordAsync(HttpClient client, Guid id, params object[] entries) =>
        await (await client.PostJsonAsync($"/api/service-days/{id}/referrals", new { entries })).JsonAsync(HttpStatusCode.OK);

    /// <summary>A service the referrals service hears is no longer offered (its name is this test's own).</summary>
    private string Withdrawn()
    {
        var service = $"retirado-{Guid.NewGuid().ToString("N")[..8]}";
        host.Withdraw(service);
        return service;
    }

    /// <summary>A confirmed day in which both the health (mspbs) and the social (mds) ministries take part.</summary>
    private async Task<Guid> ConfirmedDayAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await host.OfferAsync(Municipality, $"consulta-{suffix}", "mspbs", "Consulta médica");
        await host.OfferAsync(Municipality, $"tekopora-{suffix}", "mds", "Tekoporã");
        using var admin = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAdmin));
        var day = await (await admin.PostJsonAsync("/api/service-days",
            Requests.Day(Municipality, ("mspbs", [$"consulta-{suffix}"]), ("mds", [$"tekopora-{suffix}"])))).JsonAsync(HttpStatusCode.Created);
        await (await admin.PostAsync($"/api/service-days/{day.Str("id")}/confirm", null)).JsonAsync(HttpStatusCode.OK);
        return day.Id();
    }
}
