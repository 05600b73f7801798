using System.Net.Http.Json;

namespace Boards.Notifications.Tests.Integration;

/// <summary>A person who chose the daily digest gets one e-mail at their time listing the day's items, and none before.</summary>
public sealed class DigestTests(NotificationsHost host) : IClassFixture<NotificationsHost>
{
    [Fact]
    public async Task The_digest_comes_once_at_the_chosen_time_with_every_item_and_never_before()
    {
        var token = await host.PersonAsync("resumen", BoardsRoles.InstitutionOfficer, "resumen@boards.test", institution: "muvh", servesIn: ["san-pedro-del-parana"]);
        var now = ParaguayTime.ToLocal(host.Clock.GetUtcNow());
        var at = TimeOnly.FromDateTime(now.DateTime).AddMinutes(2);
        using var client = host.Client(token);
        var saved = await client.PutAsJsonAsync("/api/notifications/preferences", new
        {
            digestTime = PreferenceRules.Format(new TimeOnly(at.Hour, at.Minute)),
            kinds = new Dictionary<string, string> { [NotificationKinds.ReferralReceived] = DeliveryMode.Digest },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        await host.Bus.Publish(Events.Requested(Guid.NewGuid(), "san-pedro-del-parana", "mds", "muvh", TimeSpan.FromDays(1)));
        await host.Bus.Publish(Events.Requested(Guid.NewGuid(), "san-pedro-del-parana", "mec", "muvh", TimeSpan.FromDays(1)));
        var items = (await host.InboxWithAsync(token, 2)).Items;
        await Task.Delay(1500);
        Assert.Empty(host.Mail.To("resumen@boards.test"));

        host.Clock.Advance(TimeSpan.FromMinutes(3));
        var digest = Assert.Single(await host.MailToAsync("resumen@boards.test", 1));
        Assert.Contains("Resumen", digest.Subject);
        Assert.Contains("2 avisos", digest.Subject);
        Assert.All(items, item => Assert.Contains(item.Link, digest.Text));
        Assert.All(items, item => Assert.Contains(item.Link, digest.Html));

        await Task.Delay(1500);
        Assert.Single(host.Mail.To("resumen@boards.test"));
    }
}
