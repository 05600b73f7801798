using System.Text.Json;
using Boards.Portal.Notifications;

namespace Boards.Portal.Tests;

/// <summary>
/// The Notifications service's answers as docs/notifications.md writes them, read into the portal's records, and what
/// the portal sends back (the preferences' PUT body, the list's query, the links it draws).
/// </summary>
public sealed class NotificationModelTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void A_page_of_notifications_reads_items_unread_and_paging()
    {
        const string json = """
            { "items": [
                { "id": "0b7d6f5e-3c1a-4f7e-9d1a-2f6c8e9a1b00", "kind": "referral_received", "title": "Nueva referencia recibida",
                  "body": "Atención primaria · Alto Verá", "link": "/referencias/5f0c", "municipalityCode": "alto-vera",
                  "createdAt": "2026-03-02T11:15:00Z", "readAt": null },
                { "id": "0b7d6f5e-3c1a-4f7e-9d1a-2f6c8e9a1b01", "kind": "early_warning", "title": "Alerta", "body": "Mesa sin sesionar",
                  "link": null, "municipalityCode": null, "createdAt": "2026-03-01T09:00:00-03:00", "readAt": "2026-03-01T10:00:00-03:00" } ],
              "unread": 1, "total": 41, "page": 2, "pageSize": 20 }
            """;

        var page = JsonSerializer.Deserialize<NotificationPage>(json, Web)!;

        Assert.Equal(2, page.Items.Count);
        Assert.True(page.Items[0].IsUnread);
        Assert.False(page.Items[1].IsUnread);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 11, 15, 0, TimeSpan.Zero), page.Items[0].CreatedAt);
        Assert.Equal(1, page.Unread);
        Assert.Equal(3, page.Pages);
        Assert.Equal(1, (page with { Total = 0 }).Pages);
    }

    [Fact]
    public void Preferences_read_the_kinds_titles_and_an_absent_address()
    {
        const string json = """
            { "digestTime": "07:00", "email": null,
              "kinds": [ { "kind": "referral_received", "title": "Referencias recibidas", "mode": "immediate" },
                         { "kind": "early_warning", "title": "Alertas tempranas", "mode": "off" } ] }
            """;

        var preferences = JsonSerializer.Deserialize<NotificationPreferencesView>(json, Web)!;
        var form = PreferencesForm.From(preferences);

        Assert.Null(preferences.Email);
        Assert.Equal("Referencias recibidas", preferences.Kinds[0].Title);
        Assert.Equal("07:00", form.DigestTime);
        Assert.Equal(["referral_received:immediate", "early_warning:off"], form.Kinds.Select(k => $"{k.Kind}:{k.Mode}"));
    }

    [Theory]
    [InlineData("""["focal-point","institution-officer"]""")]
    [InlineData("\"focal-point, institution-officer\"")]
    public void Delivery_problems_read_the_roles_as_a_list_or_as_one_text(string roles)
    {
        var json = $$"""
            { "failures": [ { "notificationId": "0b7d6f5e-3c1a-4f7e-9d1a-2f6c8e9a1b00", "userName": "officer.mspbs", "kind": "referral_received",
                              "status": "bounced", "attempts": 1, "lastError": "550 5.1.1 mailbox unavailable", "lastAttemptAt": "2026-03-02T11:15:00Z" },
                            { "notificationId": "0b7d6f5e-3c1a-4f7e-9d1a-2f6c8e9a1b01", "userName": null, "kind": "early_warning",
                              "status": "failed", "attempts": 8, "lastError": null, "lastAttemptAt": null } ],
              "missingAddresses": [ { "userName": "focal.pilar", "roles": {{roles}}, "notifications": 4 } ] }
            """;

        var problems = JsonSerializer.Deserialize<DeliveryProblemsView>(json, Web)!;

        Assert.Equal(["bounced", "failed"], problems.Failures.Select(f => f.Status));
        Assert.Null(problems.Failures[1].LastAttemptAt);
        var missing = Assert.Single(problems.MissingAddresses);
        Assert.Equal(["focal-point", "institution-officer"], missing.Roles);
        Assert.Equal(4, missing.Notifications);
    }

    [Fact]
    public void The_preferences_body_has_the_time_and_one_mode_per_kind()
    {
        var form = new PreferencesForm
        {
            DigestTime = "18:30:00",
            Kinds =
            [
                new KindChoice { Kind = "referral_received", Mode = "digest" },
                new KindChoice { Kind = "early_warning", Mode = "off" },
                new KindChoice { Kind = "agreement_due", Mode = null },
            ],
        };

        Assert.Equal("""{"digestTime":"18:30","kinds":{"referral_received":"digest","early_warning":"off"}}""",
            JsonSerializer.Serialize(form.Body(), Web));
    }

    [Theory]
    [InlineData("07:05", "07:05")]
    [InlineData(" 7 y media ", "7 y media")]
    [InlineData("25:00", "25:00")]
    [InlineData("", null)]
    public void The_digest_time_goes_as_typed_for_Notifications_to_judge(string typed, string? sent)
    {
        var body = JsonSerializer.SerializeToElement(new PreferencesForm { DigestTime = typed }.Body(), Web);
        var time = body.GetProperty("digestTime");

        Assert.Equal(sent, time.ValueKind == JsonValueKind.Null ? null : time.GetString());
    }

    [Theory]
    [InlineData("/referencias/5f0c", "/referencias/5f0c")]
    [InlineData("/mesa/pilar?x=1", "/mesa/pilar?x=1")]
    [InlineData("https://evil.example/", null)]
    [InlineData("//evil.example", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("/\t/evil.example", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_notification_links_only_into_the_portal(string? link, string? drawn) =>
        Assert.Equal(drawn, NotificationsPage.SafeLink(link));

    [Theory]
    [InlineData(false, 1, "/notificaciones")]
    [InlineData(true, 1, "/notificaciones?estado=sin-leer")]
    [InlineData(false, 3, "/notificaciones?pagina=3")]
    [InlineData(true, 2, "/notificaciones?estado=sin-leer&pagina=2")]
    public void The_list_keeps_its_filter_and_page_in_the_address(bool unreadOnly, int page, string url) =>
        Assert.Equal(url, NotificationsPage.Url(unreadOnly, page));
}
