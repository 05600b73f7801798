namespace Boards.EndToEnd.Tests;

/// <summary>
/// The person's integrated record in a real browser: one person referred from two municipalities (General Higinio
/// Morínigo and Villa Oliva). The focal point of the first opens the record from their referral, stating a reason, and
/// sees both referrals, the other municipality's included; the read audit shows the opening with its reason. A reason
/// that is too short is refused next to its field, and nothing is audited for it.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class PortalPersonRecordTests(BoardsAppFixture boards) : PortalTest(boards)
{
    private const string First = "general-higinio-morinigo";
    private const string Second = "villa-oliva";
    private const string Reason = "Seguimiento del caso familiar acordado en la mesa.";

    [Fact]
    public async Task Portal_a_person_record_opened_from_a_referral_shows_referrals_from_two_municipalities_and_is_audited()
    {
        var admin = await Boards.Tokens.ForUser("admin");
        foreach (var municipality in new[] { First, Second })
        {
            var (status, body) = await OfferSetup.OfferAsync(Boards.Http, admin, municipality, OfferSetup.Service(OfferSetup.PrimaryCare));
            Assert.True(OfferSetup.Offered(status), body);
        }

        var first = Requests.NewReferral(First);
        var second = Requests.NewReferral(Second);
        second.Person = first.Person.Clone();
        var created = await Boards.Referrals.CreateReferralAsync(first, BoardsAppFixture.Bearer(await Boards.Tokens.ForUser($"focal.{First}")));
        var other = await Boards.Referrals.CreateReferralAsync(second, BoardsAppFixture.Bearer(await Boards.Tokens.ForUser($"focal.{Second}")));
        Assert.Equal(created.PersonKey, other.PersonKey);

        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, $"focal.{First}", $"/referencias/{created.Id}");
        await page.ClickAsync("[data-testid=link-person-record]");
        await page.WaitForURLAsync(url => url.EndsWith($"/referencias/{created.Id}/persona", StringComparison.Ordinal));

        await page.FillAsync("#record-reason", "corto");
        await page.ClickAsync("[data-testid=do-open-record]");
        await page.Locator(".field-error[data-field=reason]").WaitForAsync();
        Assert.Equal("error-reason", await page.GetAttributeAsync("#record-reason", "aria-describedby"));

        await page.FillAsync("#record-reason", Reason);
        await page.ClickAsync("[data-testid=do-open-record]");
        var table = page.Locator("table[data-testid=record-referrals]");
        await table.WaitForAsync();
        Assert.Equal(2, await table.Locator("tbody tr").CountAsync());
        // Both municipalities and institutions by name; the service by the name of the focal point's own offer.
        var routes = await table.InnerTextAsync();
        Assert.Contains("Municipalidad · General Higinio Morínigo → Ministerio de Salud Pública y Bienestar Social · General Higinio Morínigo", routes);
        Assert.Contains("Municipalidad · Villa Oliva → Ministerio de Salud Pública y Bienestar Social · Villa Oliva", routes);
        Assert.DoesNotContain(First, routes);
        Assert.DoesNotContain(Second, routes);
        Assert.DoesNotContain("mspbs", routes);
        var service = await OfferSetup.NameAsync(Boards.Http, admin, First, OfferSetup.PrimaryCare);
        Assert.Equal(service, (await table.Locator($"tr[data-referral='{created.Id}'] [data-testid=record-service]").InnerTextAsync()).Trim());
        Assert.Contains("María Elena Benítez Ayala", await page.InnerTextAsync("[data-testid=record-person]"));
        await PortalBrowser.ScreenshotAsync(page, "19-person-record");

        var trail = await Boards.Http.ExpectJsonAsync(HttpMethod.Get, $"/api/referrals/audit?personKey={created.PersonKey}&pageSize=200", admin, [HttpStatusCode.OK]);
        var openings = trail.GetProperty("reads").EnumerateArray().Where(r => r.GetProperty("action").GetString() == "person-record").ToList();
        var opening = Assert.Single(openings);
        Assert.Equal(Reason, opening.GetProperty("reason").GetString());
        Assert.Equal($"focal.{First}", opening.GetProperty("actorName").GetString());
    }
}
