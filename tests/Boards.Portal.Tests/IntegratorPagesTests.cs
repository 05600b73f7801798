using System.Net;
using System.Text.Json;

namespace Boards.Portal.Tests;

/// <summary>
/// /ministerio/integradores as the portal draws it from Membership's integrator clients API (docs/integrators.md): only
/// ministry-admin gets it, the registration form sends what was typed, a secret is shown once in the answer that made it
/// and never cached, and Membership's Spanish refusals reach the person next to their fields.
/// </summary>
public sealed class IntegratorPagesTests : IClassFixture<SignedInPortalHost>
{
    private const string ClientJson = """
        { "clientId": "int-mspbs-7k2m9q4x", "name": "Sistema de turnos del MSPBS", "institution": "mspbs",
          "scopes": ["referrals", "offer"], "rateLimitPerSecond": 20, "status": "active",
          "createdAt": "2026-12-01T13:00:00Z", "createdBy": "admin", "secretRotatedAt": null,
          "revokedAt": null, "revokedBy": null, "revokedReason": null }
        """;

    private static readonly string RevokedJson = ClientJson
        .Replace("int-mspbs-7k2m9q4x", "int-mec-3p8r2w6z", StringComparison.Ordinal)
        .Replace("\"active\"", "\"revoked\"", StringComparison.Ordinal)
        .Replace("\"revokedAt\": null, \"revokedBy\": null, \"revokedReason\": null",
            "\"revokedAt\": \"2026-12-02T15:00:00Z\", \"revokedBy\": \"admin\", \"revokedReason\": \"El sistema fue dado de baja.\"", StringComparison.Ordinal);

    private const string InstitutionsJson = """[ { "code": "mspbs", "name": "Ministerio de Salud" }, { "code": "mec", "name": "Ministerio de Educación" } ]""";

    private readonly SignedInPortalHost host;

    public IntegratorPagesTests(SignedInPortalHost host)
    {
        this.host = host;
        host.Gateway.Reset();
    }

    private void Answer(Func<string, (HttpStatusCode, string)?> answer) =>
        host.Gateway.Answer = request => request.StartsWith("GET /api/institutions", StringComparison.Ordinal)
            ? (HttpStatusCode.OK, InstitutionsJson)
            : answer(request) ?? (HttpStatusCode.OK, "[]");

    [Fact]
    public async Task Only_the_ministry_admin_gets_the_list_with_names_areas_limits_and_status()
    {
        Answer(r => r == "GET /api/integrator-clients" ? (HttpStatusCode.OK, $"[{ClientJson},{RevokedJson}]") : null);

        using var refused = await host.NewClient().GetAsync("/ministerio/integradores");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty(host.Gateway.Asked("GET /api/integrator-clients"));

        using var response = await host.NewClient("admin").GetAsync("/ministerio/integradores");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var table = Html.Text(Html.Element(html, "integradores"));
        Assert.Contains("Sistema de turnos del MSPBS", table, StringComparison.Ordinal);
        Assert.Contains("Ministerio de Salud", table, StringComparison.Ordinal);
        Assert.Contains("Derivaciones, Oferta de servicios", table, StringComparison.Ordinal);
        Assert.Contains("20 por segundo", table, StringComparison.Ordinal);
        Assert.Contains("Revocado", table, StringComparison.Ordinal);
        Assert.Contains("href=\"/ministerio/integradores/int-mspbs-7k2m9q4x\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nav-integrators\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_sends_what_was_typed_and_shows_the_secret_once_in_an_answer_nobody_keeps()
    {
        Answer(r => r.StartsWith("POST /api/integrator-clients", StringComparison.Ordinal)
            ? (HttpStatusCode.Created, ClientJson.Replace("\"status\"", "\"secret\": \"s3cr3t-Sh0wn-0nce\", \"status\"", StringComparison.Ordinal))
            : r == "GET /api/integrator-clients" ? (HttpStatusCode.OK, $"[{ClientJson}]") : null);
        var client = host.NewClient("admin");

        using var response = await PostAsync(client, "/ministerio/integradores", "register-integrator",
            ("Register.Name", "  Sistema de turnos del MSPBS "), ("Register.Institution", "mspbs"),
            ("Register.Scopes", "referrals"), ("Register.Scopes", "offer"), ("Register.Scopes", "not-an-area"), ("Register.RateLimitPerSecond", "20"));
        var html = await response.Content.ReadAsStringAsync();

        var sent = JsonDocument.Parse(host.Gateway.Requests.Single(r => r.Request == "POST /api/integrator-clients").Body!).RootElement;
        Assert.Equal("Sistema de turnos del MSPBS", sent.GetProperty("name").GetString());
        Assert.Equal("mspbs", sent.GetProperty("institution").GetString());
        Assert.Equal(["referrals", "offer"], sent.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(20, sent.GetProperty("rateLimitPerSecond").GetInt32());

        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("s3cr3t-Sh0wn-0nce", Html.Text(Html.Element(html, "secret-value")));
        Assert.Equal("int-mspbs-7k2m9q4x", Html.Text(Html.Element(html, "secret-client-id")));
        Assert.Contains("no se vuelve a mostrar", html, StringComparison.Ordinal);

        var again = await client.GetStringAsync("/ministerio/integradores");
        Assert.DoesNotContain("s3cr3t-Sh0wn-0nce", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_registration_keeps_what_was_typed_and_shows_membership_errors_next_to_their_fields()
    {
        Answer(r => r.StartsWith("POST /api/integrator-clients", StringComparison.Ordinal)
            ? (HttpStatusCode.BadRequest, """{ "title": "La solicitud tiene datos inválidos.", "status": 400, "errors": { "rateLimitPerSecond": ["El límite debe estar entre 1 y 1000 llamadas por segundo."], "scopes": ["Elija al menos un área de la API."] } }""")
            : null);

        using var response = await PostAsync(host.NewClient("admin"), "/ministerio/integradores", "register-integrator",
            ("Register.Name", "Sistema de becas"), ("Register.Institution", "mec"), ("Register.RateLimitPerSecond", "5000"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("Revise los campos marcados.", Html.Text(Html.Element(html, "register-error")));
        Assert.Equal("El límite debe estar entre 1 y 1000 llamadas por segundo.", Html.Text(Html.Element(html, "error-rateLimitPerSecond")));
        Assert.Equal("Elija al menos un área de la API.", Html.Text(Html.Element(html, "error-scopes")));
        Assert.Equal("Sistema de becas", Html.Attribute(Html.Element(html, "integrator-name"), "value"));
        Assert.Equal("5000", Html.Attribute(Html.Element(html, "integrator-rate"), "value"));
        Assert.False(Html.Has(html, "secret-value"));
    }

    [Fact]
    public async Task A_new_secret_is_shown_once_and_revoking_sends_the_reason_and_shows_the_client_revoked()
    {
        const string Path = "/ministerio/integradores/int-mspbs-7k2m9q4x";
        Answer(r => r switch
        {
            "GET /api/integrator-clients/int-mspbs-7k2m9q4x" => (HttpStatusCode.OK, ClientJson),
            "POST /api/integrator-clients/int-mspbs-7k2m9q4x/secret" => (HttpStatusCode.OK, """{ "clientId": "int-mspbs-7k2m9q4x", "secret": "n3w-s3cr3t", "secretRotatedAt": "2026-12-03T10:00:00Z" }"""),
            "POST /api/integrator-clients/int-mspbs-7k2m9q4x/revoke" => (HttpStatusCode.OK,
                RevokedJson.Replace("int-mec-3p8r2w6z", "int-mspbs-7k2m9q4x", StringComparison.Ordinal).Replace("El sistema fue dado de baja.", "El convenio terminó en noviembre.", StringComparison.Ordinal)),
            _ => null,
        });
        var client = host.NewClient("admin");

        using var rotated = await PostAsync(client, Path, "rotate-integrator");
        var rotatedHtml = await rotated.Content.ReadAsStringAsync();
        Assert.True(rotated.Headers.CacheControl?.NoStore);
        Assert.Equal("n3w-s3cr3t", Html.Text(Html.Element(rotatedHtml, "secret-value")));
        Assert.Single(host.Gateway.Asked("POST /api/integrator-clients/int-mspbs-7k2m9q4x/secret"));

        using var revoked = await PostAsync(client, Path, "revoke-integrator", ("Revoke.Reason", " El convenio terminó en noviembre. "));
        var revokedHtml = await revoked.Content.ReadAsStringAsync();
        var sent = JsonDocument.Parse(host.Gateway.Requests.Single(r => r.Request.EndsWith("/revoke", StringComparison.Ordinal)).Body!).RootElement;
        Assert.Equal("El convenio terminó en noviembre.", sent.GetProperty("reason").GetString());
        Assert.Equal("Revocado", Html.Text(Html.Element(revokedHtml, "integrator-status")));
        Assert.Equal("El convenio terminó en noviembre.", Html.Text(Html.Element(revokedHtml, "integrator-revoked-reason")));
        Assert.False(Html.Has(revokedHtml, "revoke-integrator"));
        Assert.DoesNotContain("n3w-s3cr3t", revokedHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_or_an_unknown_client_is_not_found_and_a_focal_point_is_refused_without_a_call()
    {
        Answer(r => r.StartsWith("GET /api/integrator-clients/", StringComparison.Ordinal)
            ? (HttpStatusCode.NotFound, """{ "title": "No existe ese cliente integrador.", "status": 404 }""") : null);

        using var missing = await host.NewClient("admin").GetAsync("/ministerio/integradores/int-nada-00000000");
        using var refused = await host.NewClient().GetAsync("/ministerio/integradores/int-mspbs-7k2m9q4x");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        // The portal's own "not found" page, as for any other id the API does not know (or will not admit to).
        Assert.Contains("Página no encontrada", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Single(host.Gateway.Asked("GET /api/integrator-clients/"));
    }

    /// <summary>Opens the page, then posts the form as the browser would: its hidden fields (handler, antiforgery) and the values given, repeated names included.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string formId, params (string Name, string Value)[] values)
    {
        var page = await client.GetStringAsync(path);
        var fields = Html.HiddenFields(page, formId).Select(f => KeyValuePair.Create(f.Key, f.Value))
            .Concat(values.Select(v => KeyValuePair.Create(v.Name, v.Value)));
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}
