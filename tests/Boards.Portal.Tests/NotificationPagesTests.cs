using System.Diagnostics;
using System.Net;

namespace Boards.Portal.Tests;

/// <summary>
/// The bell and the notification pages as the portal draws them, against a gateway that answers as docs/notifications.md
/// says (or not at all): what is shown, what is sent, and that Notifications being down takes nothing else with it.
/// </summary>
public sealed class NotificationPagesTests : IClassFixture<SignedInPortalHost>
{
    private const string Unread = "0b7d6f5e-3c1a-4f7e-9d1a-2f6c8e9a1b00";
    private const string Read = "0b7d6f5e-3c1a-4f7e-9d1a-2f6c8e9a1b01";

    private const string ListJson = $$"""
        { "items": [
            { "id": "{{Unread}}", "kind": "referral_received", "title": "Nueva referencia recibida", "body": "Atención primaria en Pilar.",
              "link": "/referencias/5f0c", "municipalityCode": "pilar", "createdAt": "2026-03-02T11:15:00Z", "readAt": null },
            { "id": "{{Read}}", "kind": "early_warning", "title": "Alerta de la mesa", "body": "Mesa sin sesionar.",
              "link": "https://evil.example/", "municipalityCode": "pilar", "createdAt": "2026-03-01T12:00:00Z", "readAt": "2026-03-01T13:00:00Z" } ],
          "unread": 1, "total": 41, "page": 2, "pageSize": 20 }
        """;

    private const string PreferencesJson = """
        { "digestTime": "07:00", "email": "focal.pilar@example.org",
          "kinds": [ { "kind": "referral_received", "title": "Referencias recibidas", "mode": "digest" },
                     { "kind": "early_warning", "title": "Alertas tempranas", "mode": "immediate" } ] }
        """;

    private readonly SignedInPortalHost host;

    public NotificationPagesTests(SignedInPortalHost host)
    {
        this.host = host;
        host.Gateway.Reset();
    }

    private FakeGateway Gateway => host.Gateway;

    /// <summary>Every other service answers with nothing in it; Notifications as the test says.</summary>
    private void Answer(Func<string, (HttpStatusCode, string?)?> notifications) =>
        Gateway.Answer = request => request.Contains("/api/notifications", StringComparison.Ordinal) ? notifications(request)
            : request.StartsWith("GET /api/referrals", StringComparison.Ordinal) ? (HttpStatusCode.OK, """{"referrals":[],"nextPageToken":null,"totalCount":0}""")
            : (HttpStatusCode.OK, "[]");

    private static (HttpStatusCode, string?)? Json(string json) => (HttpStatusCode.OK, json);

    [Fact]
    public async Task The_bell_shows_the_unread_count_in_its_badge_and_its_label()
    {
        Answer(r => r.StartsWith("GET /api/notifications/unread-count", StringComparison.Ordinal) ? Json("""{"unread":3}""") : Json(PreferencesJson));

        var html = await host.NewClient().GetStringAsync("/notificaciones/preferencias");

        Assert.Equal("3", Html.Text(Html.Element(html, "campana-contador")));
        Assert.DoesNotContain(" hidden", Html.OpenTag(html, "campana-contador"), StringComparison.Ordinal);
        // The visible text ("Notificaciones" and the count) starts the accessible name (axe: label-content-name-mismatch).
        Assert.Equal("Notificaciones 3 sin leer", Html.Attribute(Html.Element(html, "campana"), "aria-label"));
        Assert.Equal("notificaciones", Html.Attribute(Html.Element(html, "campana"), "data-live-topic"));
    }

    [Fact]
    public async Task With_Notifications_down_a_page_renders_as_usual_and_the_bell_shows_no_number()
    {
        Answer(_ => null);

        var response = await host.NewClient().GetAsync("/referencias");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(" hidden", Html.OpenTag(html, "campana-contador"), StringComparison.Ordinal);
        Assert.Equal("", Html.Text(Html.Element(html, "campana-contador")));
        Assert.Equal("Notificaciones", Html.Attribute(Html.Element(html, "campana"), "aria-label"));
        Assert.DoesNotContain("service-down", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Notifications_service_that_hangs_delays_a_page_by_the_bells_wait_only()
    {
        Answer(_ => Json("""{"unread":3}"""));
        Gateway.Delay = r => r.Contains("/api/notifications", StringComparison.Ordinal) ? TimeSpan.FromSeconds(30) : TimeSpan.Zero;

        var clock = Stopwatch.StartNew();
        var response = await host.NewClient().GetAsync("/referencias");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"the page took {clock.Elapsed}");
        Assert.Equal("", Html.Text(Html.Element(await response.Content.ReadAsStringAsync(), "campana-contador")));
    }

    [Fact]
    public async Task The_count_endpoint_answers_the_unread_count_or_503_or_401()
    {
        var client = host.NewClient();
        Answer(_ => Json("""{"unread":2}"""));
        var counted = await client.GetAsync("/notificaciones/contador");
        Assert.Equal(HttpStatusCode.OK, counted.StatusCode);
        Assert.Equal("""{"unread":2}""", await counted.Content.ReadAsStringAsync());
        Assert.Contains("no-store", counted.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains("GET /api/notifications/unread-count", Gateway.Asked("GET /api/notifications/unread-count"));

        Answer(_ => null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/notificaciones/contador")).StatusCode);

        Answer(_ => (HttpStatusCode.Unauthorized, null));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/notificaciones/contador")).StatusCode);
    }

    [Fact]
    public async Task The_list_marks_unread_ones_in_words_links_only_into_the_portal_and_pages()
    {
        Answer(r => r.StartsWith("GET /api/notifications?", StringComparison.Ordinal) ? Json(ListJson) : Json("""{"unread":1}"""));

        var html = await host.NewClient().GetStringAsync("/notificaciones?estado=sin-leer&pagina=2");

        Assert.Contains("GET /api/notifications?status=unread&page=2&pageSize=20", Gateway.Asked("GET /api/notifications?"));
        var unread = Html.Element(html, $"notificacion-{Unread}");
        Assert.Equal("true", Html.Attribute(unread, "data-unread"));
        Assert.Contains("Nueva", Html.Text(unread), StringComparison.Ordinal);
        Assert.Contains("href=\"/referencias/5f0c\"", unread, StringComparison.Ordinal);
        var button = Html.Element(unread, $"leer-{Unread}");
        Assert.Equal("marcar-leida-form", Html.Attribute(button, "form"));
        Assert.Equal("Read.Id", Html.Attribute(button, "name"));
        Assert.Equal(Unread, Html.Attribute(button, "value"));
        Assert.StartsWith("Marcar como leída", Html.Text(button), StringComparison.Ordinal);

        var read = Html.Element(html, $"notificacion-{Read}");
        Assert.Equal("false", Html.Attribute(read, "data-unread"));
        Assert.DoesNotContain("Nueva", Html.Text(read), StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", read, StringComparison.Ordinal);
        Assert.False(Html.Has(read, $"leer-{Read}"));
        Assert.Contains("Página 2 de 3", Html.Text(html), StringComparison.Ordinal);
        Assert.True(Html.Has(html, "marcar-todas"));
        Assert.Contains("href=\"/notificaciones/preferencias\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_list_says_so_in_Spanish()
    {
        Answer(r => r.StartsWith("GET /api/notifications?", StringComparison.Ordinal)
            ? Json("""{"items":[],"unread":0,"total":0,"page":1,"pageSize":20}""") : Json("""{"unread":0}"""));

        var html = await host.NewClient().GetStringAsync("/notificaciones");

        Assert.Contains("Todavía no tiene notificaciones", Html.Text(Html.Element(html, "notificaciones-vacio")), StringComparison.Ordinal);
        Assert.False(Html.Has(html, "marcar-todas"));
        Assert.Equal("0", Html.Text(Html.Element(html, "campana-contador")));
        Assert.Contains("bell-count-zero", Html.Element(html, "campana-contador"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marking_one_read_posts_to_Notifications_and_comes_back_with_a_notice()
    {
        Answer(r => r switch
        {
            _ when r.StartsWith("GET /api/notifications?", StringComparison.Ordinal) => Json(ListJson),
            _ when r.StartsWith("POST /api/notifications/", StringComparison.Ordinal) => (HttpStatusCode.NoContent, null),
            _ => Json("""{"unread":1}"""),
        });
        var client = host.NewClient();

        var response = await PostAsync(client, "/notificaciones?estado=sin-leer", "marcar-leida-form", ("Read.Id", Unread));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/notificaciones?estado=sin-leer&hecho=leida", response.Headers.Location!.PathAndQuery);
        Assert.Contains($"POST /api/notifications/{Unread}/read", Gateway.Asked("POST "));
        var after = await client.GetStringAsync(response.Headers.Location.PathAndQuery);
        Assert.Equal("Notificación marcada como leída.", Html.Text(Html.Element(after, "notificaciones-hecho")));
    }

    [Fact]
    public async Task Marking_read_one_that_is_gone_says_so_on_the_page_without_an_error_page()
    {
        Answer(r => r switch
        {
            _ when r.StartsWith("GET /api/notifications?", StringComparison.Ordinal) => Json(ListJson),
            _ when r.StartsWith("POST /api/notifications/", StringComparison.Ordinal) =>
                (HttpStatusCode.NotFound, """{"title":"No encontrada","status":404}"""),
            _ => Json("""{"unread":1}"""),
        });
        var client = host.NewClient();

        // Not in the list any more (read in another tab, or someone else's): the form is still there to answer.
        var response = await PostAsync(client, "/notificaciones", "marcar-leida-form", ("Read.Id", "3fa85f64-5717-4562-b3fc-2c963f66afa6"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = Html.Element(html, "notificaciones-error");
        Assert.Equal("alert", Html.Attribute(error, "role"));
        Assert.StartsWith("Esa notificación ya no está entre las suyas", Html.Text(error), StringComparison.Ordinal);
        Assert.True(Html.Has(html, $"notificacion-{Unread}"));
    }

    [Fact]
    public async Task Marking_all_read_says_how_many()
    {
        Answer(r => r switch
        {
            _ when r.StartsWith("GET /api/notifications?", StringComparison.Ordinal) => Json(ListJson),
            "POST /api/notifications/read-all" => Json("""{"marked":3}"""),
            _ => Json("""{"unread":1}"""),
        });
        var client = host.NewClient();

        var response = await PostAsync(client, "/notificaciones", "marcar-todas-form");

        Assert.Equal("/notificaciones?hecho=todas&marcadas=3", response.Headers.Location!.PathAndQuery);
        var after = await client.GetStringAsync(response.Headers.Location.PathAndQuery);
        Assert.Equal("Se marcaron 3 notificaciones como leídas.", Html.Text(Html.Element(after, "notificaciones-hecho")));
    }

    [Fact]
    public async Task Preferences_show_each_kinds_choice_the_time_and_the_address()
    {
        Answer(r => r.StartsWith("GET /api/notifications/preferences", StringComparison.Ordinal) ? Json(PreferencesJson) : Json("""{"unread":0}"""));

        var html = await host.NewClient().GetStringAsync("/notificaciones/preferencias");

        Assert.Contains(" checked", Html.Element(html, "pref-referral_received-digest"), StringComparison.Ordinal);
        Assert.DoesNotContain(" checked", Html.Element(html, "pref-referral_received-immediate"), StringComparison.Ordinal);
        Assert.Contains(" checked", Html.Element(html, "pref-early_warning-immediate"), StringComparison.Ordinal);
        Assert.Equal("Prefs.Kinds[1].Mode", Html.Attribute(Html.Element(html, "pref-early_warning-off"), "name"));
        Assert.Equal("early_warning", Html.HiddenFields(html, "preferencias-form")["Prefs.Kinds[1].Kind"]);
        Assert.Contains("Referencias recibidas", Html.Text(Html.Element(html, "pref-referral_received")), StringComparison.Ordinal);
        Assert.Equal("07:00", Html.Attribute(Html.Element(html, "pref-digest-time"), "value"));
        Assert.Equal("focal.pilar@example.org", Html.Text(Html.Element(html, "pref-email")));
        Assert.False(Html.Has(html, "pref-sin-correo"));
    }

    [Fact]
    public async Task Without_an_address_the_page_says_the_portal_notifications_still_arrive()
    {
        Answer(r => r.StartsWith("GET /api/notifications/preferences", StringComparison.Ordinal)
            ? Json(PreferencesJson.Replace("\"focal.pilar@example.org\"", "null", StringComparison.Ordinal)) : Json("""{"unread":0}"""));

        var html = await host.NewClient().GetStringAsync("/notificaciones/preferencias");

        Assert.Contains("las notificaciones del portal le siguen llegando", Html.Text(Html.Element(html, "pref-sin-correo")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_sends_the_time_and_the_modes_and_shows_Notifications_errors_next_to_their_fields()
    {
        Answer(r => r switch
        {
            _ when r.StartsWith("GET /api/notifications/preferences", StringComparison.Ordinal) => Json(PreferencesJson),
            "PUT /api/notifications/preferences" => (HttpStatusCode.BadRequest,
                """{"title":"Datos inválidos","status":400,"errors":{"digestTime":["La hora debe tener el formato HH:mm."],"kinds.early_warning":["Modo desconocido."]}}"""),
            _ => Json("""{"unread":0}"""),
        });
        var client = host.NewClient();

        var response = await PostAsync(client, "/notificaciones/preferencias", "preferencias-form",
            ("Prefs.DigestTime", "25:00"), ("Prefs.Kinds[0].Kind", "referral_received"), ("Prefs.Kinds[0].Mode", "off"),
            ("Prefs.Kinds[1].Kind", "early_warning"), ("Prefs.Kinds[1].Mode", "digest"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(Gateway.Requests, r => r.Request == "PUT /api/notifications/preferences");
        Assert.Equal("""{"digestTime":"25:00","kinds":{"referral_received":"off","early_warning":"digest"}}""", sent.Body);
        Assert.Equal("La hora debe tener el formato HH:mm.", Html.Text(Html.Element(html, "error-digestTime")));
        Assert.Contains("error-digestTime", Html.Attribute(Html.Element(html, "pref-digest-time"), "aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("Modo desconocido.", Html.Text(Html.Element(html, "error-kinds-early_warning")));
        Assert.Equal("error-kinds-early_warning", Html.Attribute(Html.OpenTag(html, "pref-early_warning"), "aria-describedby"));
        Assert.Contains(" checked", Html.Element(html, "pref-referral_received-off"), StringComparison.Ordinal);
        Assert.Equal("25:00", Html.Attribute(Html.Element(html, "pref-digest-time"), "value"));
    }

    [Fact]
    public async Task Saved_preferences_come_back_with_a_notice_and_an_empty_time_is_refused_by_the_page()
    {
        Answer(r => r switch
        {
            _ when r.StartsWith("GET /api/notifications/preferences", StringComparison.Ordinal) => Json(PreferencesJson),
            "PUT /api/notifications/preferences" => (HttpStatusCode.NoContent, null),
            _ => Json("""{"unread":0}"""),
        });
        var client = host.NewClient();

        var saved = await PostAsync(client, "/notificaciones/preferencias", "preferencias-form",
            ("Prefs.DigestTime", "06:45"), ("Prefs.Kinds[0].Kind", "referral_received"), ("Prefs.Kinds[0].Mode", "immediate"));
        Assert.Equal("/notificaciones/preferencias?hecho=guardadas", saved.Headers.Location!.PathAndQuery);

        var empty = await PostAsync(client, "/notificaciones/preferencias", "preferencias-form",
            ("Prefs.DigestTime", ""), ("Prefs.Kinds[0].Kind", "referral_received"), ("Prefs.Kinds[0].Mode", "immediate"));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Indique la hora", Html.Text(Html.Element(await empty.Content.ReadAsStringAsync(), "error-digestTime")), StringComparison.Ordinal);
        Assert.Single(Gateway.Requests, r => r.Request == "PUT /api/notifications/preferences");
    }

    [Fact]
    public async Task Delivery_problems_are_for_ministry_admin_only()
    {
        Answer(r => r == "GET /api/notifications/delivery-problems" ? Json("""
            { "failures": [ { "notificationId": "0b7d6f5e-3c1a-4f7e-9d1a-2f6c8e9a1b00", "userName": "officer.mspbs", "kind": "referral_received",
                              "status": "bounced", "attempts": 1, "lastError": "550 5.1.1 mailbox unavailable", "lastAttemptAt": "2026-03-02T11:15:00Z" },
                            { "notificationId": "0b7d6f5e-3c1a-4f7e-9d1a-2f6c8e9a1b01", "userName": "focal.yhu", "kind": "early_warning",
                              "status": "failed", "attempts": 8, "lastError": "421 try later", "lastAttemptAt": "2026-03-02T12:00:00Z" } ],
              "missingAddresses": [ { "userName": "focal.pilar", "roles": ["focal-point"], "notifications": 4 } ],
              "waitingFanOut": { "count": 2, "lastError": "No se pudo contactar al proveedor de identidad (localhost:5070)." } }
            """) : Json("""{"unread":0}"""));

        var refused = await host.NewClient().GetAsync("/ministerio/notificaciones");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty(Gateway.Asked("GET /api/notifications/delivery-problems"));

        var html = await host.NewClient("admin").GetStringAsync("/ministerio/notificaciones");
        var failures = Html.Text(Html.Element(html, "envios-fallidos"));
        Assert.Contains("officer.mspbs", failures, StringComparison.Ordinal);
        Assert.Contains("rebotó", failures, StringComparison.Ordinal);
        Assert.Contains("falló", failures, StringComparison.Ordinal);
        Assert.Contains("550 5.1.1 mailbox unavailable", failures, StringComparison.Ordinal);
        Assert.Contains("Hay 2 avisos que esperan al proveedor de identidad", html, StringComparison.Ordinal);
        Assert.Contains("No se pudo contactar al proveedor de identidad", html, StringComparison.Ordinal);
        var missing = Html.Text(Html.Element(html, "sin-correo"));
        Assert.Contains("focal.pilar", missing, StringComparison.Ordinal);
        Assert.Contains("Punto focal", missing, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nav-delivery-problems\"", html, StringComparison.Ordinal);
    }

    /// <summary>Opens the page, then posts the form as the browser would: its hidden fields (handler, antiforgery) and the values given.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string formId, params (string Name, string Value)[] values)
    {
        var page = await client.GetStringAsync(path);
        var fields = Html.HiddenFields(page, formId);
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}
