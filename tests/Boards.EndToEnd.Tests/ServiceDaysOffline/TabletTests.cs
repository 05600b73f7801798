using Microsoft.Playwright;

namespace Boards.EndToEnd.Tests.ServiceDaysOffline;

/// <summary>
/// A service day captured on a tablet without signal (docs/portal-service-days.md, "Sin señal"), in Debian's Chromium at
/// a tablet's size against the whole system: the page opened once online works offline, through a reload; what is
/// captured waits in IndexedDB, personal data encrypted; it syncs once when the signal returns, also after a cut in the
/// middle and an expired session; a refusal shows its reason and is corrected; signing out leaves nothing personal; and
/// the bytes stay within the budget written in the docs.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class TabletTests(BoardsAppFixture boards) : PortalTest(boards)
{
    private readonly TabletDays _days = new(boards);

    [Fact]
    public async Task Tablet_captures_offline_keeps_it_through_a_reload_and_syncs_each_record_once()
    {
        var dayId = await _days.PlanAsync("Escuela Básica N° 5012 Tava'i", confirm: true);
        var page = await Browser.NewTabletPageAsync();
        var traffic = new Traffic(page.Context);
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, _days.FocalPoint, $"/jornadas/dia/{dayId}");

        // First load of the tablet page, from the day's page: measured until it can work offline.
        traffic.Reset();
        await page.ClickAsync("[data-testid=tablet-link]");
        var tablet = new Tablet(page, Boards.PortalUrl, dayId);
        await tablet.WaitUntilReadyOfflineAsync();
        var (firstLoad, listing) = await traffic.BytesAsync();
        var firstLoadBudget = Traffic.Budget("first load of a day's tablet page");
        Assert.True(firstLoad <= firstLoadBudget, $"La primera carga movió {firstLoad} B; el presupuesto es {firstLoadBudget} B:\n{listing}");
        Assert.Equal("0", await page.InnerTextAsync("[data-testid=count-people]"));

        // No signal: three batches and two referrals.
        await page.Context.SetOfflineAsync(true);
        await page.Locator("[data-testid=signal]", new() { HasText = "Sin señal" }).WaitForAsync();
        await tablet.RecordBatchAsync(("4300001", TabletDays.PrimaryCare), ("4.300.002", TabletDays.PrimaryCare));
        await tablet.RecordBatchAsync(("4300003", TabletDays.CashTransfer), (null, TabletDays.PrimaryCare));
        await tablet.RecordBatchAsync(("4300001", TabletDays.CashTransfer));
        await tablet.ReferAsync("mspbs", "mspbs", TabletDays.PrimaryCare, "health", "4300002", "Juana Raquel", "Ríos Benítez");
        await tablet.ReferAsync("mds", "mds", TabletDays.CashTransfer, "food_security", null, "Pedro Celso", "Giménez Ayala");
        Assert.Equal(5, await tablet.InStateAsync("waiting"));

        // Kept encrypted: neither a document number nor a name is readable in the browser's storage.
        var stored = await tablet.StorageDumpAsync();
        Assert.Contains("registros", stored);
        foreach (var secret in new[] { "4300001", "4.300.002", "4300003", "Juana Raquel", "Ríos Benítez", "Giménez Ayala", "la persona" })
        {
            Assert.DoesNotContain(secret, stored);
        }

        // A reload without signal: the page comes back from the tablet, with all five waiting.
        await page.ReloadAsync();
        await page.Locator("[data-testid=day-title]", new() { HasText = "Jornada del" }).WaitForAsync();
        await tablet.WaitForAsync("waiting", 5, seconds: 10);
        Assert.Equal("5", await page.InnerTextAsync("[data-testid=count-waiting]"));
        Assert.Contains("3 lotes (5 atenciones) y 2 referencias", await page.InnerTextAsync("[data-testid=waiting-detail]"));
        await PortalBrowser.ScreenshotAsync(page, "44-service-day-tablet-offline");

        // A second tablet records the same day, offline too.
        var other = await Browser.NewTabletPageAsync();
        await PortalBrowser.SignInAsync(other, Boards.PortalUrl, _days.FocalPoint, $"/jornadas/dia/{dayId}/tableta");
        var second = new Tablet(other, Boards.PortalUrl, dayId);
        await second.WaitUntilReadyOfflineAsync();
        await other.Context.SetOfflineAsync(true);
        await second.RecordBatchAsync(("4300004", TabletDays.PrimaryCare));

        // The signal returns: everything goes by itself, once.
        traffic.Reset();
        await page.Context.SetOfflineAsync(false);
        await tablet.WaitForAsync("sent", 5);
        await page.Locator("[data-testid=count-people]", new() { HasText = "4" }).WaitForAsync();
        await other.Context.SetOfflineAsync(false);
        await second.WaitForAsync("sent", 1);
        await other.Locator("[data-testid=count-people]", new() { HasText = "5" }).WaitForAsync();
        var (synced, syncListing) = await traffic.BytesAsync(url => url.EndsWith("/tableta/enviar", StringComparison.Ordinal));
        var perRecordBudget = Traffic.Budget("one record synced");
        Traffic.Report($"first load: {firstLoad} B\n{listing}\n\nsync of 5 records: {synced} B ({synced / 5} B each)\n{syncListing}");
        Assert.True(synced / 5 <= perRecordBudget, $"Cada registro costó {synced / 5} B; el presupuesto es {perRecordBudget} B:\n{syncListing}");

        // Counted once: 4300001 twice and 4.300.002 are people with a document (3 from the first tablet, 1 from the
        // second), and one attention without a document.
        var day = await _days.DayAsync(dayId);
        Assert.Equal((5, 4), (day.GetProperty("attendance").GetProperty("peopleServed").GetInt32(), day.GetProperty("attendance").GetProperty("batches").GetInt32()));
        var referrals = await _days.ReferralsAsync(dayId);
        Assert.Equal(2, referrals.Count);
        Assert.All(referrals, r => Assert.Equal("sent", r.GetProperty("status").GetString()));
        var toHealth = referrals.Single(r => r.GetProperty("destinationInstitution").GetString() == "mspbs").GetProperty("referralId").GetString()!;
        var toCash = referrals.Single(r => r.GetProperty("destinationInstitution").GetString() == "mds").GetProperty("referralId").GetString()!;
        Assert.Contains(toHealth, await _days.InboxAsync("officer.mspbs"));
        Assert.Contains(toCash, await _days.InboxAsync("officer.mds"));
        Assert.Equal("0", await page.InnerTextAsync("[data-testid=count-waiting]"));

        // Sent: the personal data is gone from the tablet, and so is the day's key.
        stored = await tablet.StorageDumpAsync();
        Assert.DoesNotContain("sealed", stored);
        Assert.Contains("\"store\":\"claves\",\"rows\":[]", stored);
        await PortalBrowser.ScreenshotAsync(page, "45-service-day-tablet-synced");

        // Signing out leaves no personal data in the browser's storage.
        await page.ClickAsync("[data-testid=sign-out]");
        await page.WaitForURLAsync(url => url.StartsWith(Boards.PortalUrl, StringComparison.Ordinal) && !url.Contains("/tableta", StringComparison.Ordinal));
        Assert.DoesNotContain("boards-jornadas", await page.EvaluateAsync<string>("() => indexedDB.databases().then(d => JSON.stringify(d))"));
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task Tablet_a_sync_cut_half_way_and_an_expired_session_count_nothing_twice()
    {
        var dayId = await _days.PlanAsync("Capilla Virgen de Caacupé", confirm: true);
        var page = await Browser.NewTabletPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, _days.FocalPoint, $"/jornadas/dia/{dayId}/tableta");
        var tablet = new Tablet(page, Boards.PortalUrl, dayId);
        await tablet.WaitUntilReadyOfflineAsync();

        await page.Context.SetOfflineAsync(true);
        await tablet.RecordBatchAsync(("4400001", TabletDays.PrimaryCare), ("4400002", TabletDays.PrimaryCare));
        await tablet.RecordBatchAsync((null, TabletDays.CashTransfer));
        await tablet.RecordBatchAsync(("4400003", TabletDays.CashTransfer));
        await tablet.ReferAsync("mspbs", "mspbs", TabletDays.PrimaryCare, "health", "4400002", "Ramona", "Acosta");
        await tablet.ReferAsync("mds", "mds", TabletDays.CashTransfer, "food_security", "4400003", "Lidia", "Benítez");

        // The second request of the sync reaches the server, then the signal drops before its answer arrives.
        var requests = 0;
        var cut = new TaskCompletionSource();
        await page.Context.RouteAsync("**/tableta/enviar", async route =>
        {
            if (Interlocked.Increment(ref requests) != 2)
            {
                await route.ContinueAsync();
                return;
            }

            await route.FetchAsync();
            await page.Context.SetOfflineAsync(true);
            await route.AbortAsync("internetdisconnected");
            cut.TrySetResult();
        });
        await page.Context.SetOfflineAsync(false);
        await cut.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await tablet.WaitForAsync("sent", 2);
        Assert.Equal(3, await tablet.InStateAsync("waiting"));
        var day = await _days.DayAsync(dayId);
        Assert.Equal(3, day.GetProperty("attendance").GetProperty("batches").GetInt32());
        Assert.Single(await _days.ReferralsAsync(dayId));

        // While offline the session ends. Back online, the tablet asks to sign in again and keeps its queue.
        await page.Context.UnrouteAllAsync();
        await page.Context.ClearCookiesAsync();
        await page.Context.SetOfflineAsync(false);
        await page.Locator("[data-testid=signin-needed]").WaitForAsync();
        Assert.Equal(3, await tablet.InStateAsync("waiting"));
        await page.ClickAsync("#ingresar");
        await page.WaitForSelectorAsync("#username");
        await page.FillAsync("#username", _days.FocalPoint);
        await page.FillAsync("#password", "demo");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith(tablet.Path, StringComparison.Ordinal));
        await tablet.WaitForAsync("sent", 5);
        Assert.Contains("ya estaba registrado", await page.InnerTextAsync($"[data-testid=queue-item][data-kind=attendance] >> nth=2"));

        // Exact: three batches, three people with a document and one without; two referrals, each created once.
        day = await _days.DayAsync(dayId);
        var attendance = day.GetProperty("attendance");
        Assert.Equal((3, 4, 3, 1), (attendance.GetProperty("batches").GetInt32(), attendance.GetProperty("peopleServed").GetInt32(),
            attendance.GetProperty("identifiedPeople").GetInt32(), attendance.GetProperty("anonymousAttentions").GetInt32()));
        var referrals = await _days.ReferralsAsync(dayId);
        Assert.Equal(2, referrals.Count);
        Assert.All(referrals, r => Assert.Equal("sent", r.GetProperty("status").GetString()));
        Assert.Equal(2, referrals.Select(r => r.GetProperty("referralId").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Tablet_a_record_the_server_refuses_shows_its_reason_and_is_sent_once_corrected()
    {
        // Opened while the day is planned with both services; offline, someone drops Tekoporã and confirms the day.
        const string venue = "Salón parroquial San Roque";
        var dayId = await _days.PlanAsync(venue, confirm: false);
        var page = await Browser.NewTabletPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, _days.FocalPoint, $"/jornadas/dia/{dayId}/tableta");
        var tablet = new Tablet(page, Boards.PortalUrl, dayId);
        await tablet.WaitUntilReadyOfflineAsync();
        await page.Context.SetOfflineAsync(true);
        await _days.KeepOnlyAndConfirmAsync(dayId, venue, TabletDays.PrimaryCare);

        // Checked on the tablet first: a malformed document number and a missing service are not saved.
        var row = page.Locator("[data-testid=attendance-row]").First;
        await row.Locator("[data-testid=doc]").FillAsync("4#5");
        await page.ClickAsync("[data-testid=attendance-save]");
        Assert.Contains("entre 3 y 20", await page.InnerTextAsync("[data-testid=attendance-form] .field-error[data-field=documentNumber]"));
        Assert.Contains("Indique el servicio", await page.InnerTextAsync("[data-testid=attendance-form] .field-error[data-field=serviceCode]"));
        Assert.Equal(0, await tablet.ItemsAsync());
        await page.ClickAsync("[data-testid=refer-save]");
        Assert.Contains("consentimiento", await page.InnerTextAsync("[data-testid=refer-form] .field-error[data-field=given]"));
        Assert.Equal(0, await tablet.ItemsAsync());
        await row.Locator("[data-testid=doc]").FillAsync("");

        await tablet.RecordBatchAsync(("4500001", TabletDays.CashTransfer));
        await page.Context.SetOfflineAsync(false);
        await tablet.WaitForAsync("catalog", 1);
        var item = page.Locator("[data-testid=queue-item]").First;
        Assert.Contains("no se ofrece en esta jornada", await item.Locator("[data-testid=item-message]").InnerTextAsync());
        Assert.Contains("El catálogo cambió", await item.Locator("[data-testid=item-state]").InnerTextAsync());
        Assert.Equal(0, (await _days.DayAsync(dayId)).GetProperty("attendance").GetProperty("batches").GetInt32());
        await PortalBrowser.ScreenshotAsync(page, "46-service-day-tablet-refused");

        // Corrected: the reason is next to the service, the form offers what the day has now, and it goes once.
        await item.Locator("[data-testid=item-fix]").ClickAsync();
        Assert.Contains("no se ofrece", await page.InnerTextAsync("[data-testid=attendance-form] .field-error[data-field=serviceCode]"));
        Assert.Equal("4500001", await row.Locator("[data-testid=doc]").InputValueAsync());
        Assert.Equal(1, await row.Locator("[data-testid=service] option").CountAsync());
        await row.Locator("[data-testid=service]").SelectOptionAsync(TabletDays.PrimaryCare);
        await page.ClickAsync("[data-testid=attendance-save]");
        await tablet.WaitForAsync("sent", 1);
        Assert.Equal(1, await tablet.ItemsAsync());
        var attendance = (await _days.DayAsync(dayId)).GetProperty("attendance");
        Assert.Equal((1, 1), (attendance.GetProperty("batches").GetInt32(), attendance.GetProperty("peopleServed").GetInt32()));
    }

    [Fact]
    public async Task Tablet_without_room_or_IndexedDB_says_so_before_anything_is_typed()
    {
        var dayId = await _days.PlanAsync("Local de la comisión vecinal", confirm: true);
        foreach (var (script, words) in new[]
        {
            ("Object.defineProperty(window, 'indexedDB', { value: undefined })", "no guarda datos sin conexión"),
            ("navigator.storage.estimate = () => Promise.resolve({ quota: 100000, usage: 99000 })", "No queda espacio"),
        })
        {
            var page = await Browser.NewTabletPageAsync();
            await page.Context.AddInitScriptAsync(script);
            await PortalBrowser.SignInAsync(page, Boards.PortalUrl, _days.FocalPoint, $"/jornadas/dia/{dayId}/tableta");
            var error = page.Locator("[data-testid=tablet-error]");
            await error.WaitForAsync();
            Assert.Contains(words, await error.InnerTextAsync());
            Assert.True(await page.IsDisabledAsync("[data-testid=attendance-row] >> nth=0 >> [data-testid=doc]"));
            Assert.True(await page.IsDisabledAsync("[data-testid=refer-save]"));
            await page.Context.CloseAsync();
        }
    }
}
