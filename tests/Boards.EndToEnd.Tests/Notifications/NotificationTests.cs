using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Boards.EndToEnd.Tests.Notifications;

/// <summary>
/// Issue 19 with the whole system and the real mail server (smtp4dev, read over its API): a new referral reaches the
/// officer's mailbox and the portal's bell live; an unanswered one climbs officers → focal point → analysts once each,
/// even with the overdue event delivered twice; the digest comes once at its time; with the mail server or
/// Notifications down nothing is lost or doubled. Deadlines are seconds here (BoardsAppFixture). Municipalities:
/// yrybucua, santa-rosa-del-aguaray, tembiapora, ri-3-corrales (the mails are told apart by the referral's link).
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class NotificationTests(BoardsAppFixture boards, ITestOutputHelper output) : PortalTest(boards)
{
    private const int NotificationsPort = 6161;
    private readonly NotificationJourney _journey = new(boards);

    [Fact]
    public async Task A_referral_to_mspbs_reaches_its_officer_by_email_within_seconds_and_the_bell_counts_it_live()
    {
        const string municipality = "yrybucua";
        var (userName, _, email) = await _journey.OfficerAsync(municipality);
        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, userName, "/notificaciones");
        await page.WaitForFunctionAsync("() => window.boardsLive && window.boardsLive.source.readyState === 1", null,
            new PageWaitForFunctionOptions { Timeout = 20_000 });
        Assert.Equal("0", await page.InnerTextAsync("#campana-contador"));
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

        var sent = DateTimeOffset.UtcNow;
        var id = await _journey.ReferAsync(municipality, "normal");

        await page.WaitForFunctionAsync("() => document.getElementById('campana-contador').textContent === '1'", null,
            new PageWaitForFunctionOptions { Timeout = 20_000 });
        Assert.Equal(0, navigations);
        Assert.Contains("1", await page.GetAttributeAsync("#campana", "aria-label") ?? "");
        var mail = await _journey.WaitForMailAsync(email, id, timeout: TimeSpan.FromSeconds(30));
        output.WriteLine($"E-mail received {(mail.ReceivedAt - sent).TotalSeconds:0.0} s after the referral was created.");
        Assert.StartsWith("[Mesas] Nueva derivación para", mail.Subject);
        Assert.Contains($"{Boards.PortalUrl}/referencias/{id}", mail.Html);

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("[data-testid=notif-new]");
        await PortalBrowser.ScreenshotAsync(page, "22-notification-centre");
    }

    [Fact]
    public async Task An_unanswered_referral_notifies_the_officers_then_the_focal_point_then_an_analyst_each_once()
    {
        const string municipality = "santa-rosa-del-aguaray";
        var (_, _, officer) = await _journey.OfficerAsync(municipality);
        var focal = $"focal.{municipality}@demo.boards.test";
        const string analyst = "analyst@demo.boards.test";

        var id = await _journey.ReferAsync(municipality, "urgent");
        var overdue = await _journey.WaitForMailAsync(officer, id, "Derivación vencida");
        var referral = await Boards.Http.ExpectJsonAsync(HttpMethod.Get, $"/api/referrals/{id}", await Boards.Tokens.ForUser("admin"), [HttpStatusCode.OK]);
        await _journey.PublishOverdueAgainAsync(referral);
        var toFocal = await _journey.WaitForMailAsync(focal, id, "Derivación sin respuesta");
        var toAnalyst = await _journey.WaitForMailAsync(analyst, id, "Escalamiento");
        await _journey.PublishOverdueAgainAsync(referral);

        Assert.True(overdue.ReceivedAt <= toFocal.ReceivedAt, $"officers {overdue.ReceivedAt:O}, focal point {toFocal.ReceivedAt:O}");
        Assert.True(toFocal.ReceivedAt <= toAnalyst.ReceivedAt, $"focal point {toFocal.ReceivedAt:O}, analyst {toAnalyst.ReceivedAt:O}");

        // Settled: nothing more arrives, and each person was told each step once.
        await Task.Delay(TimeSpan.FromSeconds(6));
        var officerMail = await _journey.MailAboutAsync(officer, id);
        Assert.Equal(3, officerMail.Count);
        Assert.Collection(officerMail,
            m => Assert.StartsWith("[Mesas] Nueva derivación", m.Subject),
            m => Assert.StartsWith("[Mesas] Derivación por vencer", m.Subject),
            m => Assert.StartsWith("[Mesas] Derivación vencida", m.Subject));
        Assert.Single(await _journey.MailAboutAsync(focal, id));
        Assert.Single(await _journey.MailAboutAsync(analyst, id));
    }

    [Fact]
    public async Task A_person_who_chose_the_digest_gets_one_email_with_the_days_items_at_their_time_and_none_before()
    {
        const string municipality = "tembiapora";
        var (_, token, email) = await _journey.OfficerAsync(municipality);
        // The next whole minute at least 25 seconds away, Paraguay time.
        var now = NotificationJourney.ParaguayNow();
        var due = now.AddSeconds(-now.Second).AddMilliseconds(-now.Millisecond).AddMinutes(1);
        if (due - now < TimeSpan.FromSeconds(25))
        {
            due = due.AddMinutes(1);
        }

        await Boards.Http.ExpectJsonAsync(HttpMethod.Put, "/api/notifications/preferences", token, [HttpStatusCode.OK], new
        {
            digestTime = due.ToString("HH:mm", CultureInfo.InvariantCulture),
            kinds = new Dictionary<string, string> { ["referral_received"] = "digest" },
        });
        var first = await _journey.ReferAsync(municipality, "normal");
        var second = await _journey.ReferAsync(municipality, "normal");
        await Eventually.Until(() => _journey.InboxAsync(token), page => page.GetProperty("total").GetInt32() >= 2,
            TimeSpan.FromSeconds(20), "both notifications in the centre");

        Assert.True(NotificationJourney.ParaguayNow() < due, "the referrals were created before the digest time");
        Assert.Empty(await Boards.Mailbox.ToAsync(email));

        var digest = await Boards.Mailbox.WaitForAsync(email, timeout: due - NotificationJourney.ParaguayNow() + TimeSpan.FromSeconds(30));
        Assert.True(digest.ReceivedAt >= due.AddSeconds(-1), $"the digest came at {digest.ReceivedAt:O}, its time is {due:O}");
        Assert.Contains("Resumen", digest.Subject);
        Assert.True(NotificationJourney.About(digest, first) && NotificationJourney.About(digest, second), digest.Text);
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Single(await Boards.Mailbox.ToAsync(email));
    }

    [Trait(BoardsAppFixture.ShapeTrait, BoardsAppFixture.ServicesShapeOnly)] // stops one module alone: not possible in one process
    [Fact]
    public async Task With_the_mail_server_and_then_notifications_down_referrals_still_work_and_every_email_arrives_once()
    {
        const string municipality = "ri-3-corrales";
        var (_, token, email) = await _journey.OfficerAsync(municipality);

        await Boards.StopServiceAsync("mail", BoardsAppFixture.SmtpPort);
        var ids = new List<string>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                ids.Add(await _journey.ReferAsync(municipality, "normal"));
            }

            await Eventually.Until(() => _journey.InboxAsync(token), page => page.GetProperty("total").GetInt32() >= 3,
                TimeSpan.FromSeconds(20), "three notifications in the centre while the mail server is down");
        }
        finally
        {
            await Boards.RestartServiceAsync("mail");
        }

        await Boards.StopServiceAsync("notifications", NotificationsPort);
        try
        {
            ids.Add(await _journey.ReferAsync(municipality, "normal"));
        }
        finally
        {
            await Boards.RestartServiceAsync("notifications");
        }

        foreach (var id in ids)
        {
            await _journey.WaitForMailAsync(email, id, timeout: TimeSpan.FromSeconds(60));
        }

        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.All(ids, id => Assert.Single(_journey.MailAboutAsync(email, id).GetAwaiter().GetResult()));
        Assert.Equal(4, (await Boards.Mailbox.ToAsync(email)).Count);
    }
}
