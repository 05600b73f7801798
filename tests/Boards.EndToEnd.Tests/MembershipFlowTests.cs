using System.Text;
using Boards.Monitoring.Contracts.Grpc;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Membership flows that cross services, through the gateway with real tokens: the identity link (appointing a focal
/// point grants that account the municipality's scope, and the next appointment takes it back), the all-or-nothing CSV
/// import, corrections, and the attendance-weighted score reaching monitoring next to the roster score.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class MembershipFlowTests(BoardsAppFixture boards)
{
    [Fact]
    public async Task Appointing_a_focal_point_grants_the_account_its_municipality_and_the_next_appointment_takes_it_back()
    {
        const string code = "villa-franca";
        var admin = await boards.Tokens.ForUser("admin");
        await BoardSetup.EnsureBoardAsync(boards.Http, admin, code);
        var rocio = await AddMemberAsync(admin, code, "Rocío Villalba", "civil_society_organization", account: "rocio.villalba");
        var hugo = await AddMemberAsync(admin, code, "Hugo Acosta", "local_government");

        using (var appoint = await SendAsync(HttpMethod.Post, $"/api/boards/{code}/focal-point", admin, new { memberId = rocio, startsOn = "2026-03-01" }))
        {
            Assert.Equal(HttpStatusCode.Created, appoint.StatusCode);
        }

        await TermAccessAsync(admin, code, rocio, "granted");
        var rocioToken = await boards.Tokens.FreshForUser("rocio.villalba");
        using (var own = await SendAsync(HttpMethod.Get, $"/api/boards/{code}", rocioToken))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        using (var other = await SendAsync(HttpMethod.Get, "/api/boards/pilar", rocioToken))
        {
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        }

        // Hugo has an account given at the appointment; Rocío's scope is taken back.
        using (var appoint = await SendAsync(HttpMethod.Post, $"/api/boards/{code}/focal-point", admin,
                   new { memberId = hugo, startsOn = "2026-06-01", account = "hugo.acosta" }))
        {
            Assert.Equal(HttpStatusCode.Created, appoint.StatusCode);
        }

        await TermAccessAsync(admin, code, hugo, "granted");
        await TermAccessAsync(admin, code, rocio, "revoked");
        using (var revoked = await SendAsync(HttpMethod.Get, $"/api/boards/{code}", await boards.Tokens.FreshForUser("rocio.villalba")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, revoked.StatusCode);
        }

        using var granted = await SendAsync(HttpMethod.Get, $"/api/boards/{code}/members", await boards.Tokens.FreshForUser("hugo.acosta"));
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
    }

    [Fact]
    public async Task A_focal_point_cannot_link_another_persons_account_and_that_person_keeps_their_municipality()
    {
        // Reported: focal.<x> added a member with account focal.pilar and appointed it; focal.pilar's next token carried <x>.
        const string code = "ri-3-corrales";
        var admin = await boards.Tokens.ForUser("admin");
        await BoardSetup.EnsureBoardAsync(boards.Http, admin, code);
        var focal = await boards.Tokens.ForUser($"focal.{code}");

        using (var add = await SendAsync(HttpMethod.Post, $"/api/boards/{code}/members", focal, NewMember("Intrusa", "local_government", "focal.pilar")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
            Assert.Contains("ministry-admin", await add.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var member = await AddMemberAsync(focal, code, "Persona sin cuenta", "local_government");
        foreach (var account in new[] { "focal.pilar", "officer.mspbs", "analyst" })
        {
            using var appoint = await SendAsync(HttpMethod.Post, $"/api/boards/{code}/focal-point", focal,
                new { memberId = member, startsOn = "2026-03-01", account });
            Assert.Equal(HttpStatusCode.Forbidden, appoint.StatusCode);
        }

        using (var correct = await SendAsync(HttpMethod.Put, $"/api/boards/{code}/members/{member}", focal,
                   NewMember("Persona sin cuenta", "local_government", "focal.pilar")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, correct.StatusCode);
        }

        var pilar = await boards.Tokens.FreshForUser("focal.pilar");
        Assert.Equal("pilar", Claim(pilar, "municipality"));
        using (var own = await SendAsync(HttpMethod.Get, "/api/referrals?municipalityCode=pilar", pilar))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        // A user name nobody has yet is created and granted, as before.
        var newcomer = $"nueva.{Guid.NewGuid().ToString("N")[..8]}";
        using (var appoint = await SendAsync(HttpMethod.Post, $"/api/boards/{code}/focal-point", focal,
                   new { memberId = member, startsOn = "2026-03-01", account = newcomer }))
        {
            Assert.Equal(HttpStatusCode.Created, appoint.StatusCode);
        }

        await TermAccessAsync(admin, code, member, "granted");
    }

    private static string? Claim(string jwt, string name)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var json = JsonDocument.Parse(Convert.FromBase64String(payload));
        return json.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
    }

    [Fact]
    public async Task A_csv_import_through_the_gateway_is_all_or_nothing_and_reports_every_bad_row()
    {
        const string code = "itanara";
        var admin = await boards.Tokens.ForUser("admin");
        await BoardSetup.EnsureBoardAsync(boards.Http, admin, code);
        var focal = await boards.Tokens.ForUser($"focal.{code}");
        var before = await ActiveMembersAsync(focal, code);

        const string bad = """
            nombre,institucion,sector,genero,franja_edad,area,localidad,fecha_designacion
            Lidia Ramos,Comisión vecinal Itanará,sociedad_civil,mujer,adulto,rural,Compañía Ñu Pora,2026-02-01
            Pedro Gauto,Municipalidad,gobierno_comunal,hombre,adulto,urbana,Centro,2026-02-01
            Teresa Cáceres,USF Itanará,institucion_nacional,mujer,anciana,urbana,Centro,31/02/2026
            """;
        using var refused = await PostCsvAsync(focal, code, bad);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, problem);
        using (var json = JsonDocument.Parse(problem))
        {
            var errors = json.RootElement.GetProperty("errors").EnumerateArray().ToList();
            Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 3 && e.GetProperty("column").GetString() == "sector");
            Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 4 && e.GetProperty("column").GetString() == "franja_edad");
            Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 4 && e.GetProperty("column").GetString() == "fecha_designacion");
        }

        Assert.Equal(before, await ActiveMembersAsync(focal, code));

        var good = bad.Replace("gobierno_comunal", "gobierno_local").Replace("anciana", "mayor").Replace("31/02/2026", "28/02/2026");
        using var imported = await PostCsvAsync(focal, code, good);
        var body = await imported.Content.ReadAsStringAsync();
        Assert.True(imported.StatusCode == HttpStatusCode.OK, body);
        using (var json = JsonDocument.Parse(body))
        {
            Assert.Equal(3, json.RootElement.GetProperty("added").GetInt32());
        }

        Assert.Equal(before + 3, await ActiveMembersAsync(focal, code));
        using var otherMunicipality = await PostCsvAsync(await boards.Tokens.ForUser("focal.pilar"), code, good);
        Assert.Equal(HttpStatusCode.Forbidden, otherMunicipality.StatusCode);
    }

    [Fact]
    public async Task Corrections_and_the_attendance_score_reach_monitoring_next_to_the_roster_score()
    {
        const string code = "laurel";
        var admin = await boards.Tokens.ForUser("admin");
        await BoardSetup.EnsureBoardAsync(boards.Http, admin, code);
        var focal = await boards.Tokens.ForUser($"focal.{code}");
        var present = await AddMemberAsync(focal, code, "Concejala de Laurel", "local_government");
        var absent = await AddMemberAsync(focal, code, "Comisión vecinal (mal cargada)", "other");

        using (var corrected = await SendAsync(HttpMethod.Put, $"/api/boards/{code}/members/{absent}", focal,
                   NewMember("Comisión vecinal San Antonio", "civil_society_organization", null)))
        {
            var text = await corrected.Content.ReadAsStringAsync();
            Assert.True(corrected.StatusCode == HttpStatusCode.OK, text);
            using var json = JsonDocument.Parse(text);
            Assert.Equal("civil_society_organization", json.RootElement.GetProperty("member").GetProperty("sector").GetString());
        }

        using (var act = await SendAsync(HttpMethod.Put, $"/api/boards/{code}", focal, new
               {
                   resolutionNumber = "Res. 30/2026", resolutionDate = "2026-01-20", chairName = "Delegado del intendente", chairRole = "delegate",
               }))
        {
            var text = await act.Content.ReadAsStringAsync();
            Assert.True(act.StatusCode == HttpStatusCode.OK, text);
            using var json = JsonDocument.Parse(text);
            Assert.Equal("delegate", json.RootElement.GetProperty("chairRole").GetString());
        }

        using (var session = await SendAsync(HttpMethod.Post, $"/api/boards/{code}/sessions", focal, new
               {
                   date = "2026-03-12", agenda = "Diagnóstico de necesidades", minutes = "Acta breve.", attendees = new[] { present },
               }))
        {
            Assert.Equal(HttpStatusCode.Created, session.StatusCode);
        }

        var analyst = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("analyst"));
        var summary = await Eventually.Until(
            () => boards.Monitoring.GetMunicipalityAsync(new GetMunicipalityRequest { Code = code }, analyst).ResponseAsync,
            m => m.AttendanceRepresentativity is not null && m.Representativity is not null,
            TimeSpan.FromSeconds(30), "monitoring to show both the roster and the attendance score");
        Assert.True(summary.AttendanceRepresentativity.Score < summary.Representativity.Score,
            $"attendance {summary.AttendanceRepresentativity.Score} should be below roster {summary.Representativity.Score}");
    }

    private async Task TermAccessAsync(string token, string code, string memberId, string access) =>
        await Eventually.Until(async () =>
            {
                using var response = await SendAsync(HttpMethod.Get, $"/api/boards/{code}/focal-points", token);
                var text = await response.Content.ReadAsStringAsync();
                using var json = JsonDocument.Parse(text);
                var term = json.RootElement.EnumerateArray()
                    .Where(t => t.GetProperty("memberId").GetString() == memberId)
                    .Select(t => $"{t.GetProperty("access").GetString()} {t.GetProperty("accessDetail")}")
                    .FirstOrDefault();
                return term ?? "(no term)";
            },
            state => state.StartsWith(access + " ", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), $"the focal point term of {memberId} to be {access}");

    private async Task<int> ActiveMembersAsync(string token, string code)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/boards/{code}/members", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetArrayLength();
    }

    private async Task<HttpResponseMessage> PostCsvAsync(string token, string code, string csv)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/boards/{code}/members/import")
        {
            Content = new StringContent(csv, Encoding.UTF8, "text/csv"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await boards.Http.SendAsync(request);
    }

    private async Task<string> AddMemberAsync(string token, string code, string name, string sector, string? account = null)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/api/boards/{code}/members", token, NewMember(name, sector, account));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("member").GetProperty("id").GetString()!;
    }

    private static object NewMember(string name, string sector, string? account) => new
    {
        personName = name,
        organization = "Organización de " + name,
        sector,
        gender = "female",
        ageBand = "adult",
        territory = new { area = "urban", locality = "Centro" },
        designatedOn = "2026-01-05",
        account,
    };

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await boards.Http.SendAsync(request);
    }
}
