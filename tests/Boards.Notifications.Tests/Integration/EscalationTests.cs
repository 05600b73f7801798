namespace Boards.Notifications.Tests.Integration;

/// <summary>
/// An unanswered referral climbs the chain: the destination's officers (due soon, then overdue), then the focal point,
/// then the ministry analysts, each once, in that order, even with Referrals' overdue event delivered twice.
/// </summary>
public sealed class EscalationTests(NotificationsHost host) : IClassFixture<NotificationsHost>
{
    [Fact]
    public async Task An_unanswered_referral_reaches_officers_then_focal_point_then_analysts_once_each()
    {
        var officer = await host.PersonAsync("esc.officer", BoardsRoles.InstitutionOfficer, "esc.officer@boards.test", institution: "minna", servesIn: ["villa-oliva"]);
        var focal = await host.PersonAsync("esc.focal", BoardsRoles.FocalPoint, "esc.focal@boards.test", municipality: "villa-oliva");
        var analyst = await host.PersonAsync("esc.analyst", BoardsRoles.MinistryAnalyst, "esc.analyst@boards.test");

        var referral = Events.Requested(Guid.NewGuid(), "villa-oliva", "mds", "minna", TimeSpan.FromSeconds(3));
        await host.Bus.Publish(referral);
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        await host.Bus.Publish(Events.Overdue(referral));
        await host.Bus.Publish(Events.Overdue(referral));

        var analystNotice = Assert.Single((await host.InboxWithAsync(analyst, 1)).Items);
        var focalNotice = Assert.Single((await host.InboxWithAsync(focal, 1)).Items);
        var officerNotices = (await host.InboxWithAsync(officer, 3)).Items.OrderBy(n => n.CreatedAt).ToList();

        Assert.Collection(officerNotices,
            n => Assert.StartsWith("Nueva derivación para", n.Title),
            n => Assert.StartsWith("Derivación por vencer", n.Title),
            n => Assert.StartsWith("Derivación vencida", n.Title));
        Assert.True(officerNotices[^1].CreatedAt < focalNotice.CreatedAt, "the officers hear it is overdue before the focal point");
        Assert.True(focalNotice.CreatedAt < analystNotice.CreatedAt, "the focal point hears before the ministry");
        Assert.Equal(NotificationKinds.ReferralDeadline, focalNotice.Kind);

        // Nothing more comes: each step once, although the overdue event arrived twice and the sweep met it too.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(3, (await host.InboxAsync(officer, "?status=all")).Total);
        Assert.Equal(1, (await host.InboxAsync(focal, "?status=all")).Total);
        Assert.Equal(1, (await host.InboxAsync(analyst, "?status=all")).Total);
        Assert.Equal(3, (await host.MailToAsync("esc.officer@boards.test", 3)).Count);
        Assert.Single(await host.MailToAsync("esc.focal@boards.test", 1));
        Assert.Single(await host.MailToAsync("esc.analyst@boards.test", 1));
        var mailOrder = host.Mail.Received.Where(m => m.To.Any(t => t.StartsWith("esc.", StringComparison.Ordinal)))
            .OrderBy(m => m.ReceivedAt).Select(m => m.To[0]).Distinct().ToList();
        Assert.Equal(["esc.officer@boards.test", "esc.focal@boards.test", "esc.analyst@boards.test"], mailOrder);
    }

    [Fact]
    public async Task An_accepted_referral_stops_its_acceptance_chain()
    {
        var focal = await host.PersonAsync("esc2.focal", BoardsRoles.FocalPoint, "esc2.focal@boards.test", municipality: "villa-franca");
        var origin = await host.PersonAsync("esc2.origin", BoardsRoles.InstitutionOfficer, "esc2.origin@boards.test", institution: "mds", servesIn: ["villa-franca"]);
        var referral = Events.Requested(Guid.NewGuid(), "villa-franca", "mds", "muvh", TimeSpan.FromSeconds(2));
        await host.Bus.Publish(referral);
        await host.Bus.Publish(Events.Accepted(referral, TimeSpan.FromDays(30)));

        Assert.Contains("aceptada", Assert.Single((await host.InboxWithAsync(origin, 1)).Items).Body);
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Equal(0, (await host.InboxAsync(focal, "?status=all")).Total);
    }
}
