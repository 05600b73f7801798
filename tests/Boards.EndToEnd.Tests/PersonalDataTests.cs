using System.Globalization;
using Microsoft.Playwright;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Personal data through the gateway and the portal (issue 16): the analyst sees initials, opens the full record by
/// stating a reason, and the read audit shows that read with its reason; the retention sweep (20 seconds after closing
/// in this system) anonymises the referral, and the national figures do not move. Itanará sends no other referral here.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class PersonalDataTests(BoardsAppFixture boards) : PortalTest(boards)
{
    private const string Municipality = "itanara";
    private const string Reason = "Reclamo de la persona ante el Ministerio, expediente 77/2026.";
    private static readonly TimeSpan RetentionInThisSystem = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Portal_an_analysts_reasoned_full_read_is_audited_and_a_retention_sweep_anonymises_without_moving_the_national_figures()
    {
        var referral = await ClosedReferralAsync();
        var closedAt = DateTimeOffset.UtcNow;
        var before = await NationalFiguresAsync(expectCompleted: true);

        // The analyst sees initials, states a reason and sees the whole record in that answer.
        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, "analyst", $"/referencias/{referral.Id}");
        await page.Locator("[data-testid=person-masked]").WaitForAsync();
        var masked = await page.InnerTextAsync("main");
        Assert.Contains("M. E. B. A.", masked, StringComparison.Ordinal);
        Assert.DoesNotContain(referral.Person.DocumentNumber, masked, StringComparison.Ordinal);
        await page.FillAsync("#full-read-reason", "corto");
        await page.ClickAsync("[data-testid=do-full-read]");
        await page.Locator("[data-testid=person-masked] .field-error[data-field=reason]").WaitForAsync();
        await page.FillAsync("#full-read-reason", Reason);
        await page.ClickAsync("[data-testid=do-full-read]");
        await page.Locator("[data-testid=person-full-read]").WaitForAsync();
        Assert.Contains(referral.Person.DocumentNumber, await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("María Elena Benítez Ayala", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await PortalBrowser.ScreenshotAsync(page, "referral-reasoned-full-read");

        var trail = await GetJsonAsync("admin", $"/api/referrals/audit?personKey={referral.PersonKey}&pageSize=200");
        var reads = trail.GetProperty("reads").EnumerateArray().ToList();
        Assert.Contains(reads, r => r.GetProperty("action").GetString() == "full-read" && r.GetProperty("reason").GetString() == Reason &&
                                    r.GetProperty("door").GetString() == "portal" && r.GetProperty("actorName").GetString() == "analyst" &&
                                    r.GetProperty("disclosure").GetString() == "full");
        Assert.Contains(reads, r => r.GetProperty("action").GetString() == "get" && r.GetProperty("disclosure").GetString() == "masked");
        Assert.Single(reads, r => r.GetProperty("action").GetString() == "full-read"); // the refused short reason read nothing

        // Past the retention period, the ministry-admin's sweep anonymises it.
        var wait = closedAt + RetentionInThisSystem + TimeSpan.FromSeconds(1) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        using var sweep = await SendAsync("admin", HttpMethod.Post, "/api/referrals/retention/sweep", new { });
        Assert.Equal(HttpStatusCode.OK, sweep.StatusCode);
        Assert.True((await sweep.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("anonymised").GetInt32() >= 1);

        var swept = await GetJsonAsync($"focal.{Municipality}", $"/api/referrals/{referral.Id}");
        Assert.Equal("anonymised", swept.GetProperty("personData").GetString());
        Assert.Equal("", swept.GetProperty("person").GetProperty("givenNames").GetString());
        Assert.Equal(JsonValueKind.Null, swept.GetProperty("person").GetProperty("documentNumber").ValueKind);
        Assert.Equal(referral.PersonKey, swept.GetProperty("personKey").GetString());
        Assert.Equal("completed", swept.GetProperty("status").GetString());

        await page.GotoAsync($"{Boards.PortalUrl}/referencias/{referral.Id}");
        await page.Locator("[data-testid=person-anonymised]").WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=person-masked]").CountAsync());
        Assert.DoesNotContain("Benítez", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        // Nothing the national view counts has changed: the sweep publishes no event.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(before, await NationalFiguresAsync(expectCompleted: true));
    }

    /// <summary>A referral from Itanará to mspbs, accepted and counter-referred (completed).</summary>
    private async Task<Referral> ClosedReferralAsync()
    {
        var focal = BoardsAppFixture.Bearer(await Boards.Tokens.ForUser($"focal.{Municipality}"));
        var officer = BoardsAppFixture.Bearer(await Boards.Tokens.ForUser("officer.mspbs"));
        var created = await Boards.Referrals.CreateReferralAsync(Requests.NewReferral(Municipality), focal);
        var accepted = await Boards.Referrals.AcceptReferralAsync(new AcceptReferralRequest { Id = created.Id, ExpectedVersion = created.Version }, officer);
        return await Boards.Referrals.CounterReferAsync(new CounterReferRequest
        {
            Id = created.Id,
            ExpectedVersion = accepted.Version,
            CounterReferral = new CounterReferral
            {
                Attended = true,
                AttendedOn = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Outcome = Outcome.GotHelp,
                Notes = "María Elena fue atendida.",
            },
        }, officer);
    }

    /// <summary>Itanará's row of the national view, once Monitoring has counted the completed referral.</summary>
    private async Task<string> NationalFiguresAsync(bool expectCompleted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var row = await GetJsonAsync("analyst", $"/api/monitoring/municipalities/{Municipality}");
            var referrals = row.GetProperty("referrals");
            if (!expectCompleted || referrals.GetProperty("completed").GetInt32() >= 1 || DateTime.UtcNow > deadline)
            {
                return referrals.GetRawText() + row.GetProperty("closedLoopRate").GetRawText();
            }

            await Task.Delay(500);
        }
    }

    private async Task<JsonElement> GetJsonAsync(string user, string path)
    {
        using var response = await SendAsync(user, HttpMethod.Get, path, null);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpResponseMessage> SendAsync(string user, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await Boards.Tokens.ForUser(user));
        return await Boards.Http.SendAsync(request);
    }
}
