using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Boards.Portal.Tests;

/// <summary>
/// The tablet's endpoints (docs/portal-service-days.md, "Sin señal") against a gateway that answers as ServiceDays does:
/// who gets the day's pack, how each synced item's answer is put in the tablet's words, and that a session that ended
/// answers 401 (the tablet keeps its queue) instead of a redirect the tablet could not follow.
/// </summary>
public sealed class TabletEndpointTests : IClassFixture<SignedInPortalHost>, IClassFixture<PortalHost>
{
    private const string DayId = "0b7d6f5e-3c1a-4f7e-9d1a-2f6c8e9a1b10";

    private static readonly string Day = Json(new
    {
        id = DayId, municipalityCode = "pilar", locality = "Compañía Ita", date = "2026-12-10", venue = "Escuela N° 12", status = "confirmed",
        expectedAttendance = 40, version = 3, createdAt = "2026-12-01T10:00:00Z", createdBy = "Punto focal de Pilar",
        institutions = new[] { new { institutionCode = "mspbs", services = new[] { new { code = "atencion-primaria", name = "Atención primaria" } } } },
        attendance = new { peopleServed = 7, identifiedPeople = 6, anonymousAttentions = 1, batches = 2, servicesDelivered = Array.Empty<object>() },
        referrals = new { sent = 1, pending = 0, failed = 1 },
    });

    private readonly SignedInPortalHost _host;
    private readonly PortalHost _anonymous;

    public TabletEndpointTests(SignedInPortalHost host, PortalHost anonymous)
    {
        _host = host;
        _anonymous = anonymous;
        host.Gateway.Reset();
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private void Answer(Func<string, (HttpStatusCode, string?)?> answer) => _host.Gateway.Answer = answer;

    private static (HttpStatusCode, string?)? Ok(string json) => (HttpStatusCode.OK, json);

    private async Task<JsonElement> SyncAsync(object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _host.NewClient().PostAsJsonAsync($"/jornadas/dia/{DayId}/tableta/enviar", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static object Batch(string id) => new { id, kind = "attendance", body = new { batchId = id, entries = new[] { new { serviceCode = "atencion-primaria", documentNumber = "4100001" } } } };

    private static object Referral(string id) => new { id, kind = "referral", body = new { entryId = id, serviceCode = "atencion-primaria" } };

    [Fact]
    public async Task The_pack_has_the_day_its_services_the_offer_and_the_names_and_nothing_personal()
    {
        Answer(r => r switch
        {
            $"GET /api/service-days/{DayId}" => Ok(Day),
            "GET /api/offer/pilar/services" => Ok("""[{"code":"atencion-primaria","name":"Atención primaria","institutionCode":"mspbs","capacityStatus":"available"}]"""),
            "GET /api/needs/categories" => Ok("""[{"code":"health","name":"Salud"}]"""),
            "GET /api/institutions" => Ok("""[{"code":"mspbs","name":"Ministerio de Salud"}]"""),
            _ => Ok("[]"),
        });

        var response = await _host.NewClient().GetAsync($"/jornadas/dia/{DayId}/tableta/datos");
        var pack = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
        var day = pack.GetProperty("day");
        Assert.Equal(("confirmed", "2026-12-10", 7, 1), (day.GetProperty("status").GetString(), day.GetProperty("date").GetString(),
            day.GetProperty("counts").GetProperty("peopleServed").GetInt32(), day.GetProperty("counts").GetProperty("referralsPending").GetInt32()));
        Assert.Equal("mspbs", day.GetProperty("services")[0].GetProperty("institution").GetString());
        Assert.Equal("Atención primaria", pack.GetProperty("catalog")[0].GetProperty("name").GetString());
        Assert.Equal("Salud", pack.GetProperty("categories")[0].GetProperty("name").GetString());
        Assert.Equal("Ministerio de Salud", pack.GetProperty("institutions")[0].GetProperty("name").GetString());
        var person = pack.GetProperty("person");
        Assert.Equal(("sub-focal-pilar", true), (person.GetProperty("subject").GetString(), person.GetProperty("mayRecord").GetBoolean()));
        Assert.False(string.IsNullOrEmpty(person.GetProperty("signOutToken").GetString()));
    }

    [Fact]
    public async Task Another_municipalitys_day_answers_403_and_asks_nothing_more()
    {
        Answer(r => r == $"GET /api/service-days/{DayId}" ? Ok(Day.Replace("\"pilar\"", "\"alberdi\"", StringComparison.Ordinal)) : Ok("[]"));

        var response = await _host.NewClient().GetAsync($"/jornadas/dia/{DayId}/tableta/datos");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("no puede registrar", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_host.Gateway.Asked("GET /api/offer"));
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, 404, "refused")]
    [InlineData(HttpStatusCode.Unauthorized, 401, "signin")]
    public async Task A_day_the_gateway_does_not_give_answers_in_the_tablets_words(HttpStatusCode gateway, int status, string result)
    {
        Answer(_ => (gateway, null));

        var response = await _host.NewClient().GetAsync($"/jornadas/dia/{DayId}/tableta/datos");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(result, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("result").GetString());
    }

    [Fact]
    public async Task Without_a_session_the_pack_and_the_sync_answer_401_not_a_redirect()
    {
        var client = _anonymous.NewClient();

        var pack = await client.GetAsync($"/jornadas/dia/{DayId}/tableta/datos");
        var sync = await client.PostAsJsonAsync($"/jornadas/dia/{DayId}/tableta/enviar", new { items = new[] { Batch("b1") } });

        Assert.Equal(HttpStatusCode.Unauthorized, pack.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, sync.StatusCode);
        Assert.Equal("""{"result":"signin"}""", await sync.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_shell_is_served_to_a_session_and_sends_anyone_else_to_sign_in_and_the_manifest_carries_no_data()
    {
        var shell = await _host.NewClient().GetAsync($"/jornadas/dia/{DayId}/tableta");
        var anonymous = await _anonymous.NewClient().GetAsync($"/jornadas/dia/{DayId}/tableta");
        var manifest = await _anonymous.NewClient().GetAsync($"/jornadas/dia/{DayId}/tableta/manifest.webmanifest");

        Assert.Equal(HttpStatusCode.OK, shell.StatusCode);
        Assert.Equal("text/html", shell.Content.Headers.ContentType!.MediaType);
        Assert.Contains("/jornadas/tableta.js", await shell.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal($"/cuenta/ingresar?returnUrl=%2Fjornadas%2Fdia%2F{DayId}%2Ftableta", anonymous.Headers.Location!.OriginalString);
        var app = JsonDocument.Parse(await manifest.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal($"/jornadas/dia/{DayId}/tableta", app.GetProperty("start_url").GetString());
        Assert.Equal("/jornadas/dia/", app.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Each_item_is_sent_once_in_order_and_answered_in_the_tablets_words()
    {
        Answer(r => r switch
        {
            $"POST /api/service-days/{DayId}/attendance-batches" => Ok("""{"batchId":"b1","replayed":true,"identified":1,"anonymous":0,"peopleServed":8}"""),
            $"POST /api/service-days/{DayId}/referrals" => Ok(Json(new
            {
                sent = 0, failed = 1,
                entries = new[]
                {
                    new
                    {
                        entryId = "r1", status = "failed", attempts = 1, originInstitution = "mspbs", destinationInstitution = "mspbs",
                        serviceCode = "atencion-primaria", needCategory = "health", priority = "normal", failureKind = "service_not_offered",
                        error = "El servicio de referencias rechazó la referencia: no se ofrece en Pilar.",
                    },
                },
            })),
            _ => null,
        });

        var answer = await SyncAsync(new { items = new[] { Batch("b1"), Referral("r1") } });

        var items = answer.GetProperty("items");
        Assert.Equal(("b1", "sent", true, 8), (items[0].GetProperty("id").GetString(), items[0].GetProperty("result").GetString(),
            items[0].GetProperty("replayed").GetBoolean(), items[0].GetProperty("peopleServed").GetInt32()));
        Assert.Equal(("r1", "catalog"), (items[1].GetProperty("id").GetString(), items[1].GetProperty("result").GetString()));
        Assert.Contains("no se ofrece", items[1].GetProperty("message").GetString(), StringComparison.Ordinal);
        var sent = _host.Gateway.Requests.ToList();
        Assert.Equal($"POST /api/service-days/{DayId}/attendance-batches", sent[0].Request);
        Assert.Contains("\"batchId\":\"b1\"", sent[0].Body, StringComparison.Ordinal);
        Assert.Contains("{\"entries\":[{\"entryId\":\"r1\"", sent[1].Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sent", null, "sent")]
    [InlineData("failed", "refused", "refused")]
    [InlineData("failed", "unreachable", "held")]
    [InlineData("pending", null, "held")]
    [InlineData("expired", null, "refused")]
    public async Task A_referrals_outcome_becomes_the_tablets_result(string status, string? failureKind, string result)
    {
        Answer(_ => Ok(Json(new
        {
            sent = 0, failed = 0,
            entries = new[]
            {
                new
                {
                    entryId = "r1", status, attempts = 1, originInstitution = "mspbs", destinationInstitution = "mspbs", serviceCode = "x",
                    needCategory = "health", priority = "normal", failureKind, error = "motivo",
                },
            },
        })));

        var answer = await SyncAsync(new { items = new[] { Referral("r1") } });

        Assert.Equal(result, answer.GetProperty("items")[0].GetProperty("result").GetString());
    }

    [Fact]
    public async Task A_refused_item_brings_its_field_reasons_a_referrals_without_the_entry_prefix()
    {
        Answer(r => (HttpStatusCode.BadRequest, r.Contains("attendance", StringComparison.Ordinal)
            ? """{"title":"Datos no válidos.","errors":{"entries[0].serviceCode":["El servicio 'x' no se ofrece en esta jornada."]}}"""
            : """{"title":"Datos no válidos.","errors":{"entries[0].person.birthDate":["La fecha de nacimiento no es plausible."]}}"""));

        var items = (await SyncAsync(new { items = new[] { Batch("b1"), Referral("r1") } })).GetProperty("items");

        Assert.Equal("refused", items[0].GetProperty("result").GetString());
        Assert.True(items[0].GetProperty("fields").TryGetProperty("entries[0].serviceCode", out _));
        Assert.True(items[1].GetProperty("fields").TryGetProperty("person.birthDate", out _));
    }

    [Fact]
    public async Task A_token_refused_half_way_leaves_the_rest_unsent_and_a_gateway_down_says_unavailable()
    {
        Answer(_ => (HttpStatusCode.Unauthorized, null));
        var items = (await SyncAsync(new { items = new[] { Batch("b1"), Batch("b2") } })).GetProperty("items");
        Assert.Equal(["signin", "signin"], items.EnumerateArray().Select(i => i.GetProperty("result").GetString()));
        Assert.Single(_host.Gateway.Requests);

        _host.Gateway.Reset();
        items = (await SyncAsync(new { items = new[] { Batch("b3") } })).GetProperty("items");
        Assert.Equal("unavailable", items[0].GetProperty("result").GetString());
    }

    [Fact]
    public async Task A_sync_with_no_items_too_many_or_an_unknown_kind_is_refused_and_sends_nothing()
    {
        Answer(_ => Ok("{}"));

        await SyncAsync(new { items = Array.Empty<object>() }, HttpStatusCode.BadRequest);
        await SyncAsync(new { items = Enumerable.Range(0, 11).Select(i => Batch($"b{i}")).ToArray() }, HttpStatusCode.BadRequest);
        await SyncAsync(new { items = new[] { new { id = "", kind = "attendance", body = new { } } } }, HttpStatusCode.BadRequest);
        await SyncAsync(new { items = new[] { new { id = new string('x', 101), kind = "attendance", body = new { } } } }, HttpStatusCode.BadRequest);
        var unknown = await SyncAsync(new { items = new[] { new { id = "z", kind = "payment", body = new { } } } });
        var notJson = await _host.NewClient().PostAsync($"/jornadas/dia/{DayId}/tableta/enviar", new StringContent("items=1", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal("refused", unknown.GetProperty("items")[0].GetProperty("result").GetString());
        Assert.True((int)notJson.StatusCode is 400 or 415, $"{notJson.StatusCode}");
        Assert.Empty(_host.Gateway.Requests);
    }
}
