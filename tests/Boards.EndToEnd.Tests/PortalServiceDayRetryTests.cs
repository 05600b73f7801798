using System.Globalization;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// A day with two referrals that Referrals refused (the service is not offered at the destination): the day's page still
/// opens, each undelivered referral with its own retry form, and a retry names the entry it was sent for. Before the fix
/// every row's form had the same name, and Blazor refused to render the page (500) as soon as a second row needed a retry.
/// Laurel's service days are used by no other test.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class PortalServiceDayRetryTests(BoardsAppFixture boards) : PortalTest(boards)
{
    private const string Municipality = "laurel";

    [Fact]
    public async Task Portal_a_day_with_two_undelivered_referrals_shows_a_retry_for_each()
    {
        var admin = await Boards.Tokens.ForUser("admin");
        Assert.True(OfferSetup.Offered((await OfferSetup.OfferAsync(Boards.Http, admin, Municipality, OfferSetup.Service(OfferSetup.PrimaryCare))).Status));
        var focal = await Boards.Tokens.ForUser($"focal.{Municipality}");
        var day = await Eventually.Until(
            () => Boards.Http.SendJsonAsync(HttpMethod.Post, "/api/service-days", focal, new
            {
                municipalityCode = Municipality, locality = "Compañía Ita Ybaté", venue = "Escuela Básica N° 2210", expectedAttendance = 40,
                date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                institutions = new[] { new { institutionCode = "mspbs", services = new[] { OfferSetup.PrimaryCare } } },
            }),
            r => r.Status == HttpStatusCode.Created,
            what: "ServiceDays' catalog replica with primary care in Laurel");
        var id = day.Body.GetProperty("id").GetString();
        await Boards.Http.ExpectJsonAsync(HttpMethod.Post, $"/api/service-days/{id}/confirm", focal, [HttpStatusCode.OK]);

        var sent = await Boards.Http.ExpectJsonAsync(HttpMethod.Post, $"/api/service-days/{id}/referrals", focal, [HttpStatusCode.OK], new
        {
            entries = new[] { "tablet-laurel-1", "tablet-laurel-2" }.Select((entryId, i) => new
            {
                entryId,
                originInstitution = "mspbs",
                destinationInstitution = "mspbs",
                serviceCode = "servicio-que-no-existe",
                needCategory = "health",
                priority = "normal",
                reason = "Control pendiente; el servicio indicado no existe en el catálogo.",
                person = new { documentNumber = $"220000{i}", givenNames = "Rosa", familyNames = "Cabrera", birthDate = "1980-02-02", sex = "female" },
                consent = new { given = true, givenBy = "la persona" },
            }).ToArray(),
        });
        Assert.Equal(2, sent.GetProperty("failed").GetInt32());

        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, $"focal.{Municipality}", "/referencias");
        var opened = await page.GotoAsync($"{Boards.PortalUrl}/jornadas/dia/{id}");
        Assert.Equal(200, opened!.Status);
        Assert.Equal(2, await page.Locator("table[data-testid=referral-entries] [data-testid=retry]").CountAsync());

        // The second row's retry is about that row's entry: it is still refused, and only its attempts grow.
        var second = page.Locator("table[data-testid=referral-entries] form:has([data-testid=retry])").Nth(1);
        var retriedEntry = await second.Locator("input[name='Retry.EntryId']").GetAttributeAsync("value") ?? "";
        var otherEntry = retriedEntry == "tablet-laurel-1" ? "tablet-laurel-2" : "tablet-laurel-1";
        var retried = await page.RunAndWaitForResponseAsync(() => second.Locator("[data-testid=retry]").ClickAsync(), r => r.Request.Method == "POST");
        Assert.True(retried.Status < 500, $"the retry answered {retried.Status}");
        await page.Locator("table[data-testid=referral-entries]").WaitForAsync();
        var entries = await Boards.Http.ExpectJsonAsync(HttpMethod.Get, $"/api/service-days/{id}/referrals", focal, [HttpStatusCode.OK]);
        var attempts = entries.EnumerateArray().ToDictionary(e => e.GetProperty("entryId").GetString()!, e => e.GetProperty("attempts").GetInt32());
        Assert.True(attempts[retriedEntry] == 2 && attempts[otherEntry] == 1, string.Join(", ", attempts));
    }
}
