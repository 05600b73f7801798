using Microsoft.Playwright;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// The service-day pages in a real browser against the whole system. R.I. 3 Corrales' focal point plans a day through
/// the form (after one field error), confirms it, records attendance from the tablet form (the same batch sent twice
/// counts once; document numbers never come back), marks it held and files the closing report; the counts are checked
/// by hand. Yhú's focal point gets the Spanish 403 page. A day form posted with no service chosen (the planner's, and the
/// edit form of a planned day) comes back with the API's Spanish message, not an error page. R.I. 3 Corrales is used by
/// no other end-to-end test.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class PortalServiceDayTests(BoardsAppFixture boards) : PortalTest(boards)
{
    private const string Municipality = "ri-3-corrales";
    private const string OtherMunicipality = "yhu";
    private const string CashTransfer = "tekopora";

    [Fact]
    public async Task Portal_a_focal_point_plans_runs_and_reports_a_service_day_and_another_municipality_gets_403()
    {
        await OfferTwoServicesAsync();
        var probeId = await WaitUntilServiceDaysKnowsTheCatalogAsync();

        // Plan through the form: first without a locality, which comes back as a Spanish error next to that field.
        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, $"focal.{Municipality}", $"/jornadas/{Municipality}");
        await page.Locator("[data-testid=plan-form]").WaitForAsync();
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(-3)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.FillAsync("[data-testid=plan-date]", date);
        await page.FillAsync("[data-testid=plan-venue]", "Escuela Básica N° 2087 Santa Rosa");
        await page.FillAsync("[data-testid=plan-expected]", "60");
        await page.CheckAsync($"[data-testid=plan-service][data-service={OfferSetup.PrimaryCare}]");
        await page.CheckAsync($"[data-testid=plan-service][data-service={CashTransfer}]");
        await page.ClickAsync("[data-testid=plan-submit]");
        var localityError = page.Locator(".field-error[data-field=locality]");
        await localityError.WaitForAsync();
        Assert.Contains("localidad", await localityError.InnerTextAsync());
        Assert.Equal("error-locality", await page.GetAttributeAsync("[data-testid=plan-locality]", "aria-describedby"));
        Assert.True(await page.IsCheckedAsync($"[data-testid=plan-service][data-service={CashTransfer}]"), "the services chosen stay chosen");
        await PortalBrowser.ScreenshotAsync(page, "40-service-day-plan-errors");

        await page.FillAsync("[data-testid=plan-locality]", "Compañía Santa Rosa");
        await page.ClickAsync("[data-testid=plan-submit]");
        await page.WaitForURLAsync(url => url.Contains("/jornadas/dia/", StringComparison.Ordinal) && url.Contains("hecho=plan", StringComparison.Ordinal));
        var dayUrl = page.Url.Split('?')[0];
        Assert.Equal("planned", await page.GetAttributeAsync("h1 + .status-line [data-testid=day-status]", "data-status"));
        Assert.Contains("Planificada", await page.InnerTextAsync("h1 + .status-line [data-testid=day-status]"));
        Assert.Equal(0, await page.Locator("[data-testid=attendance-form]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=do-hold]").CountAsync());

        // While planned the day can be changed: the form starts with what is planned.
        await page.ClickAsync("[data-testid=edit] summary");
        Assert.True(await page.IsCheckedAsync($"[data-testid=edit-form] [data-testid=plan-service][data-service={CashTransfer}]"));
        await page.FillAsync("[data-testid=edit-form] [data-testid=plan-expected]", "70");
        await page.ClickAsync("[data-testid=edit-submit]");
        await page.WaitForURLAsync(url => url.Contains("hecho=edit", StringComparison.Ordinal));
        Assert.Contains("70", await page.InnerTextAsync("[data-testid=day-details]"));

        await page.ClickAsync("[data-testid=do-confirm]");
        await page.WaitForURLAsync(url => url.Contains("hecho=confirm", StringComparison.Ordinal));
        Assert.Contains("Confirmada", await page.InnerTextAsync("h1 + .status-line [data-testid=day-status]"));

        // A batch of three: two people with documents at two services, one without a document.
        var rows = page.Locator("[data-testid=attendance-row]");
        await rows.Nth(0).Locator("[data-testid=doc]").FillAsync("4.100.001");
        await rows.Nth(0).Locator("[data-testid=service]").SelectOptionAsync(OfferSetup.PrimaryCare);
        await rows.Nth(1).Locator("[data-testid=doc]").FillAsync("4100002");
        await rows.Nth(1).Locator("[data-testid=service]").SelectOptionAsync(CashTransfer);
        await rows.Nth(2).Locator("[data-testid=no-doc]").CheckAsync();
        await rows.Nth(2).Locator("[data-testid=service]").SelectOptionAsync(OfferSetup.PrimaryCare);
        await rows.Nth(2).Locator("[data-testid=need]").SelectOptionAsync("food_security");
        var batchId = await page.GetAttributeAsync("[data-testid=batch-id]", "value");
        Assert.StartsWith("portal-", batchId);
        Assert.Contains("una sola vez", await page.InnerTextAsync("[data-testid=batch-note]"));

        // The first tap reaches the server but its answer is lost (the tablet's connection dropped)...
        var firstStatus = await page.EvaluateAsync<int>(
            "async () => { const f = document.querySelector('[data-testid=attendance-form]'); " +
            "const r = await fetch(location.href, { method: 'POST', body: new URLSearchParams(new FormData(f)) }); return r.status; }");
        Assert.Equal(200, firstStatus);
        Assert.Equal(3, (await DayAsync(dayUrl)).GetProperty("attendance").GetProperty("peopleServed").GetInt32());

        // ...so the same form is sent again: counted once.
        await page.ClickAsync("[data-testid=attendance-submit]");
        await page.WaitForURLAsync(url => url.Contains("hecho=attendance-replayed", StringComparison.Ordinal));
        Assert.Contains("no se contó de nuevo", await page.InnerTextAsync("[data-testid=action-done]"));
        Assert.Equal("3", await page.InnerTextAsync("[data-testid=count-people]"));
        Assert.Equal("1", await page.InnerTextAsync("[data-testid=count-batches]"));
        Assert.NotEqual(batchId, await page.GetAttributeAsync("[data-testid=batch-id]", "value"));

        // A second batch: the first person again, at the other service. Still three people; two attentions each service.
        rows = page.Locator("[data-testid=attendance-row]");
        await rows.Nth(0).Locator("[data-testid=doc]").FillAsync("4100001");
        await rows.Nth(0).Locator("[data-testid=service]").SelectOptionAsync(CashTransfer);
        await page.ClickAsync("[data-testid=attendance-submit]");
        await page.WaitForURLAsync(url => url.Contains("hecho=attendance&", StringComparison.Ordinal) || url.EndsWith("hecho=attendance", StringComparison.Ordinal));
        Assert.Equal(("3", "2", "1", "2"), (
            await page.InnerTextAsync("[data-testid=count-people]"),
            await page.InnerTextAsync("[data-testid=count-identified]"),
            await page.InnerTextAsync("[data-testid=count-anonymous]"),
            await page.InnerTextAsync("[data-testid=count-batches]")));
        Assert.Equal("2", await page.InnerTextAsync($"table[data-testid=attentions] tr[data-service={OfferSetup.PrimaryCare}] [data-testid=attentions-count]"));
        Assert.Equal("2", await page.InnerTextAsync($"table[data-testid=attentions] tr[data-service={CashTransfer}] [data-testid=attentions-count]"));

        // A need found on the day, referred for one person: delivered to Referrals, no person data on the page.
        await page.SelectOptionAsync("[data-testid=refer-origin]", "mspbs");
        await page.SelectOptionAsync("[data-testid=refer-destination]", "mspbs");
        await page.SelectOptionAsync("[data-testid=refer-service]", OfferSetup.PrimaryCare);
        await page.SelectOptionAsync("[data-testid=refer-need]", "health");
        await page.SelectOptionAsync("[data-testid=refer-priority]", "high");
        await page.FillAsync("[data-testid=refer-reason]", "Hipertensión sin control; no asiste a la USF desde hace un año.");
        await page.FillAsync("[data-testid=refer-doc]", "4100002");
        await page.FillAsync("[data-testid=refer-given]", "Juana");
        await page.FillAsync("[data-testid=refer-family]", "Ríos Benítez");
        await page.FillAsync("[data-testid=refer-birth]", "1961-08-14");
        await page.SelectOptionAsync("[data-testid=refer-sex]", "female");
        await page.CheckAsync("[data-testid=refer-consent]");
        await page.FillAsync("[data-testid=refer-consent-by]", "la persona");
        await page.ClickAsync("[data-testid=refer-submit]");
        await page.WaitForURLAsync(url => url.Contains("hecho=referral-sent", StringComparison.Ordinal));
        Assert.Equal("Enviada", await page.InnerTextAsync("table[data-testid=referral-entries] [data-testid=referral-status]"));
        Assert.Equal("1", await page.InnerTextAsync("[data-testid=count-referrals]"));
        var route = (await page.InnerTextAsync("table[data-testid=referral-entries] [data-testid=referral-route]")).Trim();
        var service = await OfferSetup.NameAsync(Boards.Http, await Boards.Tokens.ForUser("admin"), Municipality, OfferSetup.PrimaryCare);
        Assert.Equal($"{service} · Ministerio de Salud Pública y Bienestar Social → Ministerio de Salud Pública y Bienestar Social", route);
        var html = await page.ContentAsync();
        Assert.DoesNotContain("Juana", html);
        Assert.DoesNotContain("4100001", html);
        Assert.DoesNotContain("4.100.001", html);
        Assert.DoesNotContain("4100002", html);
        await PortalBrowser.ScreenshotAsync(page, "41-service-day-attendance");

        await page.ClickAsync("[data-testid=do-hold]");
        await page.WaitForURLAsync(url => url.Contains("hecho=hold", StringComparison.Ordinal));
        Assert.Contains("Realizada", await page.InnerTextAsync("h1 + .status-line [data-testid=day-status]"));
        await page.FillAsync("[data-testid=report-notes-input]", "Buena participación de la compañía; faltó agua potable.");
        await page.ClickAsync("[data-testid=do-report]");
        await page.WaitForURLAsync(url => url.Contains("hecho=report", StringComparison.Ordinal));
        Assert.Contains("Con informe", await page.InnerTextAsync("h1 + .status-line [data-testid=day-status]"));
        Assert.Equal(("3", "1"), (await page.InnerTextAsync("[data-testid=report-people]"), await page.InnerTextAsync("[data-testid=report-referrals]")));
        Assert.Contains("faltó agua potable", await page.InnerTextAsync("[data-testid=report-notes]"));
        Assert.Equal(0, await page.Locator("[data-testid=attendance-form]").CountAsync());
        await PortalBrowser.ScreenshotAsync(page, "42-service-day-reported");

        // The planner lists the day with its people served; the status filter leaves the cancelled probe out.
        await page.ClickAsync("[data-testid=link-planner]");
        await page.WaitForURLAsync(url => url.EndsWith($"/jornadas/{Municipality}", StringComparison.Ordinal));
        var dayId = dayUrl.Split('/').Last();
        var row = page.Locator($"table[data-testid=days] tr[data-day='{dayId}']");
        Assert.Contains("Con informe", await row.InnerTextAsync());
        Assert.Equal("3", await row.Locator("[data-testid=day-people]").InnerTextAsync());
        Assert.Equal(1, await page.Locator($"table[data-testid=days] tr[data-day='{probeId}']").CountAsync());
        await page.SelectOptionAsync("#estado", "reported");
        await page.ClickAsync("[data-testid=status-filter] button");
        await page.WaitForURLAsync(url => url.Contains("estado=reported", StringComparison.Ordinal));
        Assert.Equal(1, await page.Locator($"table[data-testid=days] tr[data-day='{dayId}']").CountAsync());
        Assert.Equal(0, await page.Locator($"table[data-testid=days] tr[data-day='{probeId}']").CountAsync());
        await PortalBrowser.ScreenshotAsync(page, "43-service-days");

        // English: the page's own resources.
        await page.GotoAsync($"{Boards.PortalUrl}/idioma/en?returnUrl={Uri.EscapeDataString(new Uri(dayUrl).AbsolutePath)}");
        await page.WaitForURLAsync(url => url.StartsWith(dayUrl, StringComparison.Ordinal));
        Assert.Contains("Attendance so far", await page.InnerTextAsync("#counts-h"));
        Assert.Contains("Reported", await page.InnerTextAsync("h1 + .status-line [data-testid=day-status]"));
        Assert.Contains("Closing report", await page.InnerTextAsync("#report-h"));

        // Another municipality's focal point: 403 on the planner and on the day.
        var other = await Browser.NewPageAsync(phone: true);
        await PortalBrowser.SignInAsync(other, Boards.PortalUrl, $"focal.{OtherMunicipality}");
        var response = await other.GotoAsync($"{Boards.PortalUrl}/jornadas/{Municipality}");
        Assert.Equal(403, response!.Status);
        Assert.Contains("No tiene permiso", await other.InnerTextAsync("[data-testid=not-allowed]"));
        Assert.Equal(0, await other.Locator("[data-testid=plan-form]").CountAsync());
        response = await other.GotoAsync(dayUrl);
        Assert.Equal(403, response!.Status);
        Assert.Equal(0, await other.Locator("[data-testid=counts]").CountAsync());
    }

    [Fact]
    public async Task Portal_editing_a_planned_day_with_every_service_unchecked_comes_back_with_a_Spanish_error()
    {
        await OfferTwoServicesAsync();
        var dayId = await PlanThroughApiAsync("Capilla San Roque");

        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, $"focal.{Municipality}", $"/jornadas/dia/{dayId}");
        await page.ClickAsync("[data-testid=edit] summary");
        var services = page.Locator("[data-testid=edit-form] [data-testid=plan-service]");
        Assert.True(await page.IsCheckedAsync($"[data-testid=edit-form] [data-testid=plan-service][data-service={OfferSetup.PrimaryCare}]"));
        Assert.True(await page.IsCheckedAsync($"[data-testid=edit-form] [data-testid=plan-service][data-service={CashTransfer}]"));
        for (var i = 0; i < await services.CountAsync(); i++)
        {
            await services.Nth(i).UncheckAsync();
        }

        // Unchecked boxes send nothing: the form posts no service at all.
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("[data-testid=edit-submit]"), r => r.Request.Method == "POST");
        Assert.Equal(200, response.Status);
        Assert.Contains("Revise los campos marcados", await page.InnerTextAsync("[data-testid=edit-error]"));
        var error = page.Locator("[data-testid=edit-form] .field-error[data-field=institutions]");
        Assert.Contains("al menos una institución", await error.InnerTextAsync());
        Assert.Equal("error-institutions", await page.GetAttributeAsync("[data-testid=edit-form] [data-testid=plan-services]", "aria-describedby"));
        Assert.Equal(0, await page.Locator("[data-testid=edit-form] [data-testid=plan-service]:checked").CountAsync());
        Assert.Equal("Capilla San Roque", await page.InputValueAsync("[data-testid=edit-form] [data-testid=plan-venue]"));

        // Nothing was saved: the day keeps both services.
        Assert.Equal(2, (await DayAsync(dayId)).GetProperty("institutions").GetArrayLength());
    }

    [Fact]
    public async Task Portal_planning_a_day_with_no_service_checked_comes_back_with_a_Spanish_error()
    {
        await OfferTwoServicesAsync();

        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, $"focal.{Municipality}", $"/jornadas/{Municipality}");
        await page.Locator($"[data-testid=plan-form] [data-testid=plan-service][data-service={CashTransfer}]").WaitForAsync();
        await page.FillAsync("[data-testid=plan-date]", "2026-01-20");
        await page.FillAsync("[data-testid=plan-venue]", "Salón comunal San Isidro");
        await page.FillAsync("[data-testid=plan-locality]", "Compañía San Isidro");
        await page.FillAsync("[data-testid=plan-expected]", "40");
        Assert.Equal(0, await page.Locator("[data-testid=plan-form] [data-testid=plan-service]:checked").CountAsync());

        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("[data-testid=plan-submit]"), r => r.Request.Method == "POST");
        Assert.Equal(200, response.Status);
        Assert.Contains("Revise los campos marcados", await page.InnerTextAsync("[data-testid=plan-error]"));
        var error = page.Locator("[data-testid=plan-form] .field-error[data-field=institutions]");
        Assert.Contains("al menos una institución", await error.InnerTextAsync());
        Assert.Equal("error-institutions", await page.GetAttributeAsync("[data-testid=plan-form] [data-testid=plan-services]", "aria-describedby"));
        Assert.Equal("Salón comunal San Isidro", await page.InputValueAsync("[data-testid=plan-venue]"));
        Assert.Equal(0, await page.Locator("table[data-testid=days] tr", new() { HasText = "Salón comunal San Isidro" }).CountAsync());
    }

    private async Task OfferTwoServicesAsync()
    {
        var admin = await Boards.Tokens.ForUser("admin");
        foreach (var service in new[]
        {
            OfferSetup.Service(OfferSetup.PrimaryCare),
            new
            {
                code = CashTransfer, name = "Tekoporã", program = "Tekoporã", institutionCode = "mds",
                categories = new[] { "food_security", "education" },
                eligibilitySummary = "Hogares en pobreza extrema con niñas, niños o personas mayores.",
                channel = "service_day", monthlyCapacity = 40, capacityStatus = "available", waitlistBand = (string?)null,
            },
        })
        {
            var (status, body) = await OfferSetup.OfferAsync(Boards.Http, admin, Municipality, service);
            Assert.True(OfferSetup.Offered(status), body);
        }
    }

    /// <summary>A probe day through the API (see <see cref="PlanThroughApiAsync"/>), cancelled at once (the planner shows it as such).</summary>
    private async Task<string> WaitUntilServiceDaysKnowsTheCatalogAsync()
    {
        var id = await PlanThroughApiAsync("Municipalidad");
        var focal = await Boards.Tokens.ForUser($"focal.{Municipality}");
        await Boards.Http.ExpectJsonAsync(HttpMethod.Post, $"/api/service-days/{id}/cancel", focal, [HttpStatusCode.OK], new { reason = "Prueba del catálogo" });
        return id;
    }

    /// <summary>
    /// A planned day with both services. ServiceDays learns the catalog from Needs' events, so the API accepts the day
    /// once both services arrived: it is posted until then.
    /// </summary>
    private async Task<string> PlanThroughApiAsync(string venue)
    {
        var focal = await Boards.Tokens.ForUser($"focal.{Municipality}");
        var day = new
        {
            municipalityCode = Municipality, locality = "Centro", date = "2026-01-15", venue, expectedAttendance = 10,
            institutions = new object[]
            {
                new { institutionCode = "mspbs", services = new[] { OfferSetup.PrimaryCare } },
                new { institutionCode = "mds", services = new[] { CashTransfer } },
            },
        };
        var created = await Eventually.Until(
            () => Boards.Http.SendJsonAsync(HttpMethod.Post, "/api/service-days", focal, day),
            r => r.Status == HttpStatusCode.Created,
            what: "ServiceDays' catalog replica with both services");
        return created.Body.GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> DayAsync(string dayUrl)
    {
        var focal = await Boards.Tokens.ForUser($"focal.{Municipality}");
        return await Boards.Http.ExpectJsonAsync(HttpMethod.Get, $"/api/service-days/{dayUrl.Split('/').Last()}", focal, [HttpStatusCode.OK]);
    }
}
