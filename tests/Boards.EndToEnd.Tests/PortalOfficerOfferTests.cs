using Microsoft.Playwright;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Officers keep their own offer: the health ministry's officer opens *Mi oferta*, picks a municipality they serve, and
/// marks one of their institution's services as full from the portal. A referral sent to that service right after is
/// told at once that it has no places. Another institution's officer does not see the service's form. The service has
/// a code of its own, so no other test's referrals meet it.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class PortalOfficerOfferTests(BoardsAppFixture boards) : PortalTest(boards)
{
    private const string Municipality = "itanara";

    [Fact]
    public async Task Portal_an_officer_marks_their_institutions_service_full_and_a_referral_is_told_at_once()
    {
        var admin = await Boards.Tokens.ForUser("admin");
        var code = "controles-" + Guid.NewGuid().ToString("N")[..6];
        var (status, body) = await OfferSetup.OfferAsync(Boards.Http, admin, Municipality, OfferSetup.Service(code));
        Assert.True(OfferSetup.Offered(status), body);

        var page = await Browser.NewPageAsync(phone: true);
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, "officer.mspbs", "/oferta");
        await page.ClickAsync($"[data-testid=served-municipalities] a[data-municipality={Municipality}]");
        await page.Locator("[data-testid=officer-hint]").WaitForAsync();
        Assert.Contains("Ministerio de Salud Pública", await page.InnerTextAsync("[data-testid=officer-hint]"));
        var card = page.Locator($"li[data-service='{code}']");
        Assert.Equal("Con cupos", await card.Locator("[data-testid=capacity-badge]").InnerTextAsync());
        await card.Locator("[data-testid=capacity-status]").SelectOptionAsync("full");
        await card.Locator("[data-testid=do-capacity]").ClickAsync();
        await page.Locator($"li[data-service='{code}'] [data-testid=capacity-badge]", new() { HasTextString = "Sin cupos" }).WaitForAsync();

        // Referrals asks the catalog when the referral is sent: the answer is the officer's change.
        var focal = BoardsAppFixture.Bearer(await Boards.Tokens.ForUser($"focal.{Municipality}"));
        var request = Requests.NewReferral(Municipality);
        request.ServiceCode = code;
        var referral = await Boards.Referrals.CreateReferralAsync(request, focal);
        Assert.Equal(AvailabilityVerification.Verified, referral.Availability.Verification);
        Assert.Equal("full", referral.Availability.CapacityStatus);
        Assert.True(referral.Availability.Waitlisted);

        // Another institution's officer serves here too, but the health ministry's service is not theirs to change.
        var other = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(other, Boards.PortalUrl, "officer.mec", $"/oferta/{Municipality}");
        await other.Locator("[data-testid=officer-hint]").WaitForAsync();
        Assert.Equal(0, await other.Locator($"li[data-service='{code}'] [data-testid=capacity-form]").CountAsync());
    }
}
