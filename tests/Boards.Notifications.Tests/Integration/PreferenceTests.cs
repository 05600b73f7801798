using System.Net.Http.Json;
using System.Text.Json;
using Boards.Notifications.Features.Preferences;

namespace Boards.Notifications.Tests.Integration;

/// <summary>Each person chooses per kind: immediately, in the digest, or off; nonsense is refused naming the field.</summary>
public sealed class PreferenceTests(NotificationsHost host) : IClassFixture<NotificationsHost>
{
    [Fact]
    public async Task Preferences_start_immediate_with_the_default_digest_time_and_show_the_address()
    {
        var token = await host.PersonAsync("pref.reader", BoardsRoles.FocalPoint, "pref.reader@boards.test", municipality: "yrybucua");
        using var client = host.Client(token);
        var preferences = (await client.GetFromJsonAsync<PreferencesView>("/api/notifications/preferences"))!;

        Assert.Equal("07:00", preferences.DigestTime);
        Assert.Equal("pref.reader@boards.test", preferences.Email);
        Assert.Equal(NotificationKinds.All, preferences.Kinds.Select(k => k.Kind));
        Assert.All(preferences.Kinds, k => Assert.Equal(DeliveryMode.Immediate, k.Mode));
    }

    [Theory]
    [InlineData("""{"digestTime":"25:00"}""", "digestTime")]
    [InlineData("""{"digestTime":"7"}""", "digestTime")]
    [InlineData("""{"digestTime":"07:00:00"}""", "digestTime")]
    [InlineData("""{"kinds":{"referral_received":"sometimes"}}""", "kinds.referral_received")]
    [InlineData("""{"kinds":{"gossip":"off"}}""", "kinds.gossip")]
    public async Task A_preference_that_makes_no_sense_is_a_400_naming_the_field(string body, string field)
    {
        var token = await host.PersonAsync("pref.bad", BoardsRoles.FocalPoint, "pref.bad@boards.test", municipality: "capiibary");
        using var client = host.Client(token);
        using var response = await client.PutAsync("/api/notifications/preferences", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field} in {problem}");
        // Nothing was half-applied.
        var after = (await client.GetFromJsonAsync<PreferencesView>("/api/notifications/preferences"))!;
        Assert.Equal("07:00", after.DigestTime);
        Assert.All(after.Kinds, k => Assert.Equal(DeliveryMode.Immediate, k.Mode));
    }

    [Fact]
    public async Task A_change_that_asks_for_nothing_stores_nothing()
    {
        var token = await host.PersonAsync("pref.nada", BoardsRoles.FocalPoint, "pref.nada@boards.test", municipality: "santa-rosa-del-aguaray");
        using var client = host.Client(token);
        using var response = await client.PutAsync("/api/notifications/preferences", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var subject = SubjectOf(token);
        Assert.False(await host.InDbAsync(db => db.Preferences.AnyAsync(p => p.Subject == subject)));
    }

    private static string SubjectOf(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        var json = Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '='));
        return JsonDocument.Parse(json).RootElement.GetProperty("sub").GetString()!;
    }

    [Fact]
    public async Task Off_keeps_the_centre_but_sends_no_email()
    {
        var token = await host.PersonAsync("pref.off", BoardsRoles.InstitutionOfficer, "pref.off@boards.test", institution: "minmujer", servesIn: ["itakyry"]);
        using var client = host.Client(token);
        var saved = await client.PutAsJsonAsync("/api/notifications/preferences", new { kinds = new Dictionary<string, string> { [NotificationKinds.ReferralReceived] = "off" } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        await host.Bus.Publish(Events.Requested(Guid.NewGuid(), "itakyry", "mds", "minmujer", TimeSpan.FromDays(1)));
        await host.InboxWithAsync(token, 1);
        await Task.Delay(1500);
        Assert.Empty(host.Mail.To("pref.off@boards.test"));
    }
}
