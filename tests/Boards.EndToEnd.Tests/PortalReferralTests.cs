using Microsoft.Playwright;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// The portal in a real browser against the whole system: sign-in at the identity provider (authorization code +
/// PKCE), the referral form with consent and the availability answer, the inbox, the destination's accept and
/// counter-referral, and another municipality's focal point refused.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class PortalReferralTests(BoardsAppFixture boards) : PortalTest(boards)
{
    /// <summary>The names the portal shows for mspbs and alto-vera (data/reference).</summary>
    private const string Health = "Ministerio de Salud Pública y Bienestar Social";
    private const string AltoVera = "Alto Verá";

    [Fact]
    public async Task Portal_a_focal_point_signs_in_creates_a_referral_with_consent_and_sees_it_in_the_outgoing_list()
    {
        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, "focal.alto-vera", screenshot: "01-sign-in");
        Assert.Contains("Punto focal de Alto Verá", await page.InnerTextAsync("[data-testid=user-name]"));
        Assert.Equal("es-PY", await page.GetAttributeAsync("html", "lang"));

        await page.ClickAsync("a[href='/referencias/nueva']");
        await page.WaitForSelectorAsync("[data-testid=send-referral]");

        // Sent empty: the API's Spanish messages appear next to each field, nothing is created.
        await page.ClickAsync("[data-testid=send-referral]");
        var givenNamesError = page.Locator(".field-error[data-field='person.givenNames']");
        await givenNamesError.WaitForAsync();
        Assert.Contains("obligatorio", await givenNamesError.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("error-person-givenNames", await page.GetAttributeAsync("#givenNames", "aria-describedby"));
        await page.Locator(".field-error[data-field='consent.given']").WaitForAsync();
        await PortalBrowser.ScreenshotAsync(page, "02-referral-form-errors");

        var tag = Guid.NewGuid().ToString("N")[..8];
        await PortalBrowser.ChooseAsync(page, "#destinationInstitution", "mspbs");
        await page.FillAsync("#serviceCode", OfferSetup.PrimaryCare);
        await ChooseFirstAsync(page, "#needCategory", "salud");
        await page.SelectOptionAsync("#priority", "normal");
        await page.FillAsync("#reason", $"Control prenatal pendiente ({tag}); sin transporte a la USF.");
        await page.FillAsync("#documentNumber", Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#givenNames", "María Elena");
        await page.FillAsync("#familyNames", $"Benítez {tag}");
        await page.FillAsync("#birthDate", "1994-03-12");
        await page.SelectOptionAsync("#sex", "female");
        await page.FillAsync("#locality", "Compañía San Isidro");
        await page.CheckAsync("#consentGiven");
        await page.FillAsync("#consentGivenBy", "la persona");
        await PortalBrowser.ScreenshotAsync(page, "03-referral-form");
        await page.ClickAsync("[data-testid=send-referral]");

        await page.WaitForSelectorAsync("[data-testid=referral-created]");
        // Names, not codes: the service as the destination's offer names it, and the destination institution.
        var service = await OfferSetup.NameAsync(Boards.Http, await Boards.Tokens.ForUser("admin"), "alto-vera", OfferSetup.PrimaryCare);
        var created = await page.InnerTextAsync("[data-testid=referral-created]");
        Assert.Contains($"{service} de {Health}", created);
        Assert.DoesNotContain(OfferSetup.PrimaryCare, created);
        var availability = page.Locator("[data-testid=availability]");
        Assert.Equal("verified", await availability.GetAttributeAsync("data-verification"));
        await PortalBrowser.ScreenshotAsync(page, "04-referral-sent-availability");
        var href = await page.GetAttributeAsync("[data-testid=created-link]", "href");
        Assert.NotNull(href);
        var id = href!.Split('/').Last();

        await page.GotoAsync(Boards.PortalUrl + "/referencias?bandeja=salientes");
        var row = page.Locator($"tr[data-referral='{id}']");
        await row.WaitForAsync();
        Assert.Contains($"Benítez {tag}", await row.InnerTextAsync());
        Assert.Contains("Solicitada", await row.InnerTextAsync());
        var serviceCell = await row.Locator("[data-testid=inbox-service]").InnerTextAsync();
        Assert.StartsWith(service, serviceCell.Trim());
        Assert.DoesNotContain(OfferSetup.PrimaryCare, serviceCell);
        Assert.Equal($"Municipalidad · {AltoVera} → {Health} · {AltoVera}", (await row.Locator("[data-testid=inbox-route]").InnerTextAsync()).Trim());
        await PortalBrowser.ScreenshotAsync(page, "05-inbox-outgoing");

        // The same inbox at a phone's width, and in English.
        var phone = await Browser.NewPageAsync(phone: true);
        await PortalBrowser.SignInAsync(phone, Boards.PortalUrl, "focal.alto-vera", "/referencias?bandeja=salientes");
        await phone.Locator($"tr[data-referral='{id}']").WaitForAsync();
        await PortalBrowser.ScreenshotAsync(phone, "06-inbox-phone");
        await phone.ClickAsync("a[lang=en]");
        await phone.WaitForSelectorAsync("h1:has-text('Referral inbox')");
        Assert.Equal("en", await phone.GetAttributeAsync("html", "lang"));
    }

    [Fact]
    public async Task Portal_the_destination_signs_in_accepts_the_referral_and_counter_refers()
    {
        var id = await CreateReferralAsync("alto-vera");
        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, "officer.mspbs", "/referencias?bandeja=entrantes");
        var row = await page.Locator($"tr[data-referral='{id}']").InnerTextAsync();
        Assert.Contains($"Municipalidad · {AltoVera} → {Health} · {AltoVera}", row);
        Assert.DoesNotContain("mspbs", row);
        Assert.DoesNotContain("alto-vera", row);
        await page.Locator($"tr[data-referral='{id}'] a").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=do-accept]");
        // The referral page names the service, its category, and both sides.
        var service = await OfferSetup.NameAsync(Boards.Http, await Boards.Tokens.ForUser("admin"), "alto-vera", OfferSetup.PrimaryCare);
        Assert.StartsWith(service, (await page.InnerTextAsync("[data-testid=referral-service]")).Trim());
        Assert.Equal($"Municipalidad · {AltoVera}", (await page.InnerTextAsync("[data-testid=referral-from]")).Trim());
        Assert.Equal($"{Health} · {AltoVera}", (await page.InnerTextAsync("[data-testid=referral-to]")).Trim());
        Assert.Equal("requested", await page.GetAttributeAsync("[data-testid=referral-status]", "data-status"));
        await PortalBrowser.ScreenshotAsync(page, "07-referral-incoming");

        await page.FillAsync("#accept-note", "Turno asignado para el martes.");
        await page.ClickAsync("[data-testid=do-accept]");
        await page.WaitForSelectorAsync("[data-testid=action-done]");
        Assert.Equal("accepted", await page.GetAttributeAsync("[data-testid=referral-status]", "data-status"));
        Assert.Equal(0, await page.Locator("[data-testid=do-accept]").CountAsync());

        await page.SelectOptionAsync("#counter-outcome", "got_help");
        await page.FillAsync("#counter-services", "control-prenatal");
        await page.FillAsync("#counter-notes", "Control realizado, próxima cita en 30 días.");
        await page.ClickAsync("[data-testid=do-counter-referral]");
        await page.WaitForSelectorAsync("[data-testid=referral-status][data-status=completed]");
        Assert.Contains("control-prenatal", await page.InnerTextAsync("[data-testid=counter-referral]"));
        Assert.Equal(3, await page.Locator("[data-testid=history] li").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=actions]").CountAsync());
        await PortalBrowser.ScreenshotAsync(page, "08-referral-counter-referred");
    }

    [Fact]
    public async Task Portal_a_focal_point_of_another_municipality_cannot_open_the_referral()
    {
        var id = await CreateReferralAsync("alto-vera");
        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, "focal.pilar");
        var response = await page.GotoAsync($"{Boards.PortalUrl}/referencias/{id}");
        // Another municipality's referral answers as one that does not exist: the id reveals nothing.
        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
        Assert.Contains("encontr", await page.InnerTextAsync("h1")); // "Página no encontrada": the same as any unknown address
        Assert.DoesNotContain("María Elena", await page.ContentAsync());
        await PortalBrowser.ScreenshotAsync(page, "09-referral-not-allowed");
    }

    [Trait(BoardsAppFixture.ShapeTrait, BoardsAppFixture.ServicesShapeOnly)] // stops one module alone: not possible in one process
    [Fact]
    public async Task Portal_with_the_needs_service_down_the_form_says_so_and_the_referral_is_still_sent_not_verified()
    {
        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, "focal.alto-vera");
        await Boards.StopServiceAsync("needs", BoardsAppFixture.NeedsGrpcPort);
        try
        {
            await page.GotoAsync(Boards.PortalUrl + "/referencias/nueva");
            var down = page.Locator("[data-testid=service-down]").First;
            await down.WaitForAsync();
            Assert.Contains("No pudimos cargar", await down.InnerTextAsync());
            // The lists that other services provide still work; the categories become a text box.
            Assert.Equal("SELECT", await page.EvalOnSelectorAsync<string>("#destinationInstitution", "e => e.tagName"));
            Assert.Equal("INPUT", await page.EvalOnSelectorAsync<string>("#needCategory", "e => e.tagName"));
            await PortalBrowser.ScreenshotAsync(page, "10-service-down");

            await PortalBrowser.ChooseAsync(page, "#destinationInstitution", "mspbs");
            await page.FillAsync("#serviceCode", OfferSetup.PrimaryCare);
            await page.FillAsync("#needCategory", "salud");
            await page.FillAsync("#reason", "Control prenatal pendiente; el catálogo no responde.");
            await page.CheckAsync("#noDocument");
            await page.FillAsync("#givenNames", "Rosa");
            await page.FillAsync("#familyNames", "Giménez");
            await page.FillAsync("#birthDate", "1988-07-01");
            await page.SelectOptionAsync("#sex", "female");
            await page.CheckAsync("#consentGiven");
            await page.FillAsync("#consentGivenBy", "la persona");
            await page.ClickAsync("[data-testid=send-referral]");
            await page.WaitForSelectorAsync("[data-testid=referral-created]");
            Assert.Equal("not_verified", await page.GetAttributeAsync("[data-testid=availability]", "data-verification"));
        }
        finally
        {
            await Boards.RestartServiceAsync("needs");
        }
    }

    [Fact]
    public async Task Portal_an_invalid_session_goes_back_through_sign_in_and_sign_out_ends_the_session()
    {
        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, "focal.alto-vera");
        await page.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "boards.portal", Value = "no-es-una-sesion", Url = Boards.PortalUrl }]);

        var authorizations = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/protocol/openid-connect/auth", StringComparison.Ordinal))
            {
                authorizations++;
            }
        };
        await page.GotoAsync(Boards.PortalUrl + "/referencias?bandeja=salientes");
        // The identity provider still knows the person, so the new sign-in needs no form and lands where they were.
        await page.WaitForURLAsync(url => url.StartsWith(Boards.PortalUrl + "/referencias?bandeja=salientes", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("[data-testid=user-name]");
        Assert.True(authorizations >= 1, "the portal should have sent the browser to the authorization endpoint");

        // Signing out ends the portal's session and the identity provider's: the next visit shows the login form.
        await page.ClickAsync("form[action='/cuenta/salir'] button");
        await page.WaitForURLAsync(Boards.PortalUrl + "/");
        await page.WaitForSelectorAsync("main a[href^='/cuenta/ingresar']");
        await page.GotoAsync(Boards.PortalUrl + "/referencias");
        await page.WaitForSelectorAsync("#username");
    }

    private static async Task ChooseFirstAsync(IPage page, string selector, string fallback)
    {
        var tag = await page.EvalOnSelectorAsync<string>(selector, "e => e.tagName");
        if (tag == "SELECT")
        {
            var first = await page.EvalOnSelectorAsync<string>(selector, "e => [...e.options].map(o => o.value).find(v => v) ?? ''");
            await page.SelectOptionAsync(selector, first);
        }
        else
        {
            await page.FillAsync(selector, fallback);
        }
    }

    /// <summary>A referral from the municipality's focal point to mspbs, through the gateway's REST API.</summary>
    private async Task<string> CreateReferralAsync(string municipality)
    {
        var token = await Boards.Tokens.ForUser($"focal.{municipality}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/referrals")
        {
            Content = JsonContent.Create(new
            {
                requestId = Guid.NewGuid().ToString(),
                municipalityCode = municipality,
                originInstitution = "municipalidad",
                destinationInstitution = "mspbs",
                serviceCode = OfferSetup.PrimaryCare,
                needCategory = "salud",
                priority = "normal",
                reason = "Control prenatal pendiente; sin transporte a la USF.",
                person = new
                {
                    documentNumber = Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    givenNames = "María Elena",
                    familyNames = "Benítez Ayala",
                    birthDate = "1994-03-12",
                    sex = "female",
                },
                consent = new { given = true, givenBy = "la persona" },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Boards.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }
}
