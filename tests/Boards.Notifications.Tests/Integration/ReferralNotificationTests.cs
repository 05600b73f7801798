using System.Net.Http.Json;
using Boards.Notifications.Features.Inbox;

namespace Boards.Notifications.Tests.Integration;

/// <summary>Referral events reach the right people, in the centre and by e-mail, once each; the wrong people hear nothing.</summary>
public sealed class ReferralNotificationTests(NotificationsHost host) : IClassFixture<NotificationsHost>
{
    [Fact]
    public async Task A_new_referral_reaches_the_destination_officers_who_serve_there_by_centre_and_email()
    {
        var officer = await host.PersonAsync("ofi.mspbs.yhu", BoardsRoles.InstitutionOfficer, "ofi.mspbs.yhu@boards.test", institution: "mspbs", servesIn: ["yhu"]);
        var elsewhere = await host.PersonAsync("ofi.mspbs.pilar", BoardsRoles.InstitutionOfficer, "ofi.mspbs.pilar@boards.test", institution: "mspbs", servesIn: ["pilar"]);
        var other = await host.PersonAsync("ofi.mec.yhu", BoardsRoles.InstitutionOfficer, "ofi.mec.yhu@boards.test", institution: "mec", servesIn: ["yhu"]);

        var referral = Events.Requested(Guid.NewGuid(), "yhu", "mds", "mspbs", TimeSpan.FromDays(1));
        await host.Bus.Publish(referral);

        var page = await host.InboxWithAsync(officer, 1);
        var notification = Assert.Single(page.Items);
        Assert.Equal(NotificationKinds.ReferralReceived, notification.Kind);
        Assert.Equal($"/referencias/{referral.ReferralId}", notification.Link);
        Assert.Contains("Yhú", notification.Body);
        Assert.Equal(1, page.Unread);

        var mail = Assert.Single(await host.MailToAsync("ofi.mspbs.yhu@boards.test", 1));
        Assert.Contains(notification.Title, mail.Subject);
        Assert.Contains($"http://portal.test/referencias/{referral.ReferralId}", mail.Text);
        Assert.Contains($"http://portal.test/referencias/{referral.ReferralId}", mail.Html);

        Assert.Equal(0, (await host.InboxAsync(elsewhere)).Total);
        Assert.Equal(0, (await host.InboxAsync(other)).Total);
        Assert.Empty(host.Mail.To("ofi.mspbs.pilar@boards.test"));
    }

    [Fact]
    public async Task A_request_that_arrives_after_its_answer_is_not_announced_as_new()
    {
        var officer = await host.PersonAsync("ofi.ips.capiibary", BoardsRoles.InstitutionOfficer, "ofi.ips.capiibary@boards.test", institution: "ips", servesIn: ["capiibary"]);
        var origin = await host.PersonAsync("ofi.mds.capiibary", BoardsRoles.InstitutionOfficer, "ofi.mds.capiibary@boards.test", institution: "mds", servesIn: ["capiibary"]);
        var late = Events.Requested(Guid.NewGuid(), "capiibary", "mds", "ips", TimeSpan.FromDays(1));

        // The acceptance overtook the request (two relays): the origin hears the answer, then the request arrives.
        await host.Bus.Publish(Events.Accepted(late, TimeSpan.FromDays(10)));
        await host.InboxWithAsync(origin, 1);
        await host.Bus.Publish(late);
        var fresh = Events.Requested(Guid.NewGuid(), "capiibary", "mds", "ips", TimeSpan.FromDays(1));
        await host.Bus.Publish(fresh);
        await host.InboxWithAsync(officer, 1);
        await Task.Delay(1500);

        var heard = (await host.InboxAsync(officer, "?status=all")).Items;
        Assert.Equal([$"/referencias/{fresh.ReferralId}"], heard.Select(n => n.Link));
    }

    [Fact]
    public async Task The_same_event_delivered_twice_tells_each_person_once()
    {
        var officer = await host.PersonAsync("ofi.mag.alberdi", BoardsRoles.InstitutionOfficer, "ofi.mag.alberdi@boards.test", institution: "mag", servesIn: ["alberdi"]);
        var referral = Events.Requested(Guid.NewGuid(), "alberdi", "mds", "mag", TimeSpan.FromDays(1));

        // Two deliveries of one event (a relay that published again: another message id).
        await host.Bus.Publish(referral);
        await host.Bus.Publish(referral);
        await host.InboxWithAsync(officer, 1);
        await host.MailToAsync("ofi.mag.alberdi@boards.test", 1);
        await Task.Delay(1500);

        Assert.Equal(1, (await host.InboxAsync(officer, "?status=all")).Total);
        Assert.Single(host.Mail.To("ofi.mag.alberdi@boards.test"));
    }

    [Fact]
    public async Task The_origin_hears_a_rejection_with_the_reason_in_words()
    {
        var origin = await host.PersonAsync("ofi.mds.pilar", BoardsRoles.InstitutionOfficer, "ofi.mds.pilar@boards.test", institution: "mds", servesIn: ["pilar"]);
        var referral = Events.Requested(Guid.NewGuid(), "pilar", "mds", "mtess", TimeSpan.FromDays(1));
        await host.Bus.Publish(referral);
        await host.Bus.Publish(Events.Rejected(referral, "no_capacity"));

        var page = await host.InboxWithAsync(origin, 1);
        var notification = Assert.Single(page.Items);
        Assert.Equal(NotificationKinds.ReferralAnswered, notification.Kind);
        Assert.Contains("rechazada", notification.Body);
        Assert.Contains("sin cupo", notification.Body);
    }

    [Fact]
    public async Task The_focal_point_hears_the_answer_to_a_referral_the_board_sent()
    {
        var focal = await host.PersonAsync("focal.alberdi", BoardsRoles.FocalPoint, "focal.alberdi@boards.test", municipality: "alberdi");
        var referral = Events.Requested(Guid.NewGuid(), "alberdi", "municipalidad", "mspbs", TimeSpan.FromDays(1));
        await host.Bus.Publish(referral);
        await host.Bus.Publish(Events.Accepted(referral, TimeSpan.FromDays(30)));

        var notice = Assert.Single((await host.InboxWithAsync(focal, 1)).Items);
        Assert.Equal(NotificationKinds.ReferralAnswered, notice.Kind);
        Assert.Contains("aceptada", notice.Body);
    }

    [Fact]
    public async Task Mark_read_is_for_ones_own_notifications_and_someone_elses_id_is_not_found()
    {
        var officer = await host.PersonAsync("ofi.ips.laurel", BoardsRoles.InstitutionOfficer, "ofi.ips.laurel@boards.test", institution: "ips", servesIn: ["laurel"]);
        var stranger = await host.PersonAsync("ofi.ips.itanara", BoardsRoles.InstitutionOfficer, null, institution: "ips", servesIn: ["itanara"]);
        await host.Bus.Publish(Events.Requested(Guid.NewGuid(), "laurel", "mds", "ips", TimeSpan.FromDays(1)));
        await host.Bus.Publish(Events.Requested(Guid.NewGuid(), "laurel", "mec", "ips", TimeSpan.FromDays(1)));
        var page = await host.InboxWithAsync(officer, 2);

        using (var theirs = host.Client(stranger))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostAsync($"/api/notifications/{page.Items[0].Id}/read", null)).StatusCode);
        }

        using var mine = host.Client(officer);
        Assert.Equal(HttpStatusCode.NoContent, (await mine.PostAsync($"/api/notifications/{page.Items[0].Id}/read", null)).StatusCode);
        Assert.Equal(1, (await mine.GetFromJsonAsync<UnreadCount>("/api/notifications/unread-count"))!.Unread);
        Assert.Equal(1, (await host.InboxAsync(officer, "?status=unread")).Total);
        var all = await (await mine.PostAsync("/api/notifications/read-all", null)).Content.ReadFromJsonAsync<MarkedRead>();
        Assert.Equal(1, all!.Marked);
        Assert.Equal(0, (await mine.GetFromJsonAsync<UnreadCount>("/api/notifications/unread-count"))!.Unread);
    }

    [Fact]
    public async Task Every_route_needs_a_token()
    {
        using var anonymous = host.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/notifications/unread-count")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/notifications/preferences")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/notifications/delivery-problems")).StatusCode);
    }
}
