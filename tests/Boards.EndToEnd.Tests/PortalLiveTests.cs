using System.Globalization;
using Microsoft.Playwright;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// What the portal does on its own while a person looks at it: the inbox shows a new referral without a reload (the
/// portal hears ReferralRequested on RabbitMQ and tells the open page to fetch itself again), and a session that
/// ends while a form is half filled goes back through sign-in and returns to the form with what was typed.
/// General Higinio Morínigo and San Juan Nepomuceno are used by no other end-to-end test.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class PortalLiveTests(BoardsAppFixture boards) : PortalTest(boards)
{
    private const string Watched = "san-juan-nepomuceno";
    private const string FormMunicipality = "general-higinio-morinigo";

    [Fact]
    public async Task Portal_the_inbox_shows_a_new_referral_without_a_reload()
    {
        var admin = await Boards.Tokens.ForUser("admin");
        Assert.True(OfferSetup.Offered((await OfferSetup.OfferAsync(Boards.Http, admin, Watched, OfferSetup.Service(OfferSetup.PrimaryCare))).Status));

        var page = await Browser.NewPageAsync();
        var inbox = $"/referencias?bandeja=todas&municipio={Watched}";
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, "analyst", inbox);
        await page.WaitForSelectorAsync("[data-testid=inbox-region]");
        var navigations = 0;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                navigations++;
            }
        };
        // The stream is open before anything is sent (the first event says "conectado").
        await WaitForLiveStreamAsync(page);

        var focal = await Boards.Tokens.ForUser($"focal.{Watched}");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var created = await Boards.Http.ExpectJsonAsync(HttpMethod.Post, "/api/referrals", focal, [HttpStatusCode.Created], new
        {
            requestId = Guid.NewGuid().ToString(),
            municipalityCode = Watched,
            originInstitution = "municipalidad",
            destinationInstitution = "mspbs",
            serviceCode = OfferSetup.PrimaryCare,
            needCategory = "health",
            priority = "normal",
            reason = "Control de niño sano atrasado.",
            person = new
            {
                documentNumber = Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture),
                givenNames = "Lucía",
                familyNames = $"Giménez {tag}",
                birthDate = "2021-08-02",
                sex = "female",
            },
            consent = new { given = true, givenBy = "su madre" },
        });
        var id = created.GetProperty("id").GetString();

        var row = page.Locator($"tr[data-referral='{id}']");
        await row.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        // The analyst sees the person masked: initials only (issue 16).
        var shown = await row.InnerTextAsync();
        Assert.Contains("L. G.", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Giménez", shown, StringComparison.Ordinal);
        Assert.Equal(0, navigations);
        Assert.Equal("La lista se actualizó con los últimos cambios.", await page.InnerTextAsync("#live-status"));
        await PortalBrowser.ScreenshotAsync(page, "20-inbox-live-update");
    }

    [Fact]
    public async Task Portal_an_expired_session_goes_back_through_sign_in_and_the_half_filled_form_comes_back()
    {
        var admin = await Boards.Tokens.ForUser("admin");
        Assert.True(OfferSetup.Offered((await OfferSetup.OfferAsync(Boards.Http, admin, FormMunicipality, OfferSetup.Service(OfferSetup.PrimaryCare))).Status));

        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, $"focal.{FormMunicipality}", "/referencias/nueva");
        await page.WaitForSelectorAsync("[data-testid=send-referral]");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await PortalBrowser.ChooseAsync(page, "#destinationInstitution", "mspbs");
        await page.FillAsync("#serviceCode", OfferSetup.PrimaryCare);
        await page.FillAsync("#reason", $"Vacunas atrasadas ({tag}).");
        await page.FillAsync("#givenNames", "Rosa");
        await page.FillAsync("#familyNames", $"Villalba {tag}");
        await page.FillAsync("#birthDate", "2019-05-20");

        // Every cookie goes: the portal's session and the identity provider's, as after a long pause on a shared computer.
        await page.Context.ClearCookiesAsync();
        await page.ClickAsync("[data-testid=send-referral]");
        await page.WaitForSelectorAsync("#username");
        await page.FillAsync("#username", $"focal.{FormMunicipality}");
        await page.FillAsync("#password", "demo");
        await page.ClickAsync("button[type=submit]");

        await page.WaitForURLAsync(Boards.PortalUrl + "/referencias/nueva");
        await page.Locator("[data-testid=form-restored]").WaitForAsync();
        Assert.Equal($"Villalba {tag}", await page.InputValueAsync("#familyNames"));
        Assert.Equal("Rosa", await page.InputValueAsync("#givenNames"));
        Assert.Equal($"Vacunas atrasadas ({tag}).", await page.InputValueAsync("#reason"));
        Assert.Equal("mspbs", await page.InputValueAsync("#destinationInstitution"));
        await PortalBrowser.ScreenshotAsync(page, "21-form-restored-after-sign-in");

        await page.FillAsync("#documentNumber", Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture));
        await page.SelectOptionAsync("#sex", "female");
        await page.SelectOptionAsync("#priority", "normal");
        await PortalBrowser.ChooseAsync(page, "#needCategory", "health");
        await page.CheckAsync("#consentGiven");
        await page.FillAsync("#consentGivenBy", "su madre");
        await page.ClickAsync("[data-testid=send-referral]");
        await page.WaitForSelectorAsync("[data-testid=referral-created]");
        // keep-form.js (deferred) forgets the kept form on this page; leaving before it has run would keep it.
        await page.WaitForLoadStateAsync(LoadState.Load);

        // Sent: what was kept is forgotten, so the next form starts empty.
        await page.GotoAsync(Boards.PortalUrl + "/referencias/nueva");
        await page.WaitForSelectorAsync("[data-testid=send-referral]");
        Assert.Equal("", await page.InputValueAsync("#familyNames"));
        Assert.False(await page.Locator("[data-testid=form-restored]").IsVisibleAsync());
    }

    private static async Task WaitForLiveStreamAsync(IPage page)
    {
        // live.js marks the status element once the EventSource is open.
        await page.WaitForFunctionAsync("() => document.getElementById('live-status')?.dataset.state === 'on'", null,
            new PageWaitForFunctionOptions { Timeout = 20_000 });
    }
}
