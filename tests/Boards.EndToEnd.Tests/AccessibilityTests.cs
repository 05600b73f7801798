using System.Globalization;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Every page of the portal, at a desktop's and a phone's width, has no violation of the WCAG 2.1 A and AA rules that
/// axe-core checks. The pages are read from the portal's source (every <c>@page</c> directive), so a new page is checked
/// as soon as it exists: <see cref="Visits"/> says who opens it and what its parameters are, and a page missing there
/// fails the test. The identity provider's sign-in form (also with its error), the 404 and 403 answers, a referral as its
/// destination sees it and each form sent empty (<see cref="Extras"/>) are checked too. Villa Oliva is used by no other
/// end-to-end test: its board, plan, needs round, service day and referral are made here so that the pages show their
/// tables, forms and charts rather than their empty states. The violations of all pages are listed in one failure.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed partial class AccessibilityTests(BoardsAppFixture boards, ITestOutputHelper output) : PortalTest(boards)
{
    private const string Municipality = "villa-oliva";
    private const string OtherMunicipality = "capiibary";
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private enum Visitor { Anonymous, Ministry, FocalPoint, Officer }

    private static readonly Dictionary<Visitor, string> Users = new()
    {
        [Visitor.Ministry] = "analyst", [Visitor.FocalPoint] = "focal." + Municipality, [Visitor.Officer] = "officer.mspbs",
    };

    /// <summary>What a {Id:guid} parameter stands for: the setup makes one of each.</summary>
    private enum Made { None, Referral, NeedsRound, ServiceDay, ImportJob, Session, PlanObjective, PlanAction }

    private sealed record Visit(Visitor Visitor, Made Id = Made.None, int Status = 200);

    /// <summary>Who opens each page of the portal and which thing its {Id} is; {Code} is always the focal point's municipality.</summary>
    private static readonly Dictionary<string, Visit> Visits = new()
    {
        ["/"] = new(Visitor.Anonymous),
        ["/error"] = new(Visitor.Anonymous),
        ["/no-encontrado"] = new(Visitor.Anonymous),
        ["/error-ingreso"] = new(Visitor.Anonymous),
        ["/datos-abiertos"] = new(Visitor.Anonymous),
        ["/referencias"] = new(Visitor.FocalPoint),
        ["/referencias/nueva"] = new(Visitor.FocalPoint),
        ["/referencias/{Id:guid}"] = new(Visitor.FocalPoint, Made.Referral),
        ["/referencias/{Id:guid}/persona"] = new(Visitor.FocalPoint, Made.Referral),
        ["/mesa/{Code}"] = new(Visitor.FocalPoint),
        ["/mesa/{Code}/importar"] = new(Visitor.FocalPoint),
        ["/mesa/{Code}/importar/{Id:guid}"] = new(Visitor.FocalPoint, Made.ImportJob),
        ["/mesa/{Code}/sesiones/nueva"] = new(Visitor.FocalPoint),
        ["/mesa/{Code}/sesiones/{Id:guid}"] = new(Visitor.FocalPoint, Made.Session),
        ["/pat/{Code}"] = new(Visitor.FocalPoint),
        ["/pat/{Code}/objetivo/{Id:guid}"] = new(Visitor.FocalPoint, Made.PlanObjective),
        ["/pat/{Code}/accion/{Id:guid}"] = new(Visitor.FocalPoint, Made.PlanAction),
        ["/pat/{Code}/propuestas"] = new(Visitor.FocalPoint),
        ["/pat/{Code}/versiones"] = new(Visitor.FocalPoint),
        ["/necesidades/{Code}"] = new(Visitor.FocalPoint),
        ["/necesidades/ronda/{Id:guid}"] = new(Visitor.FocalPoint, Made.NeedsRound),
        ["/oferta/{Code}"] = new(Visitor.FocalPoint),
        ["/oferta"] = new(Visitor.Officer),
        ["/jornadas/{Code}"] = new(Visitor.FocalPoint),
        ["/jornadas/dia/{Id:guid}"] = new(Visitor.FocalPoint, Made.ServiceDay),
        ["/ministerio"] = new(Visitor.Ministry),
        ["/ministerio/alertas"] = new(Visitor.Ministry),
        ["/ministerio/informes"] = new(Visitor.Ministry),
        ["/ministerio/municipios/{Code}"] = new(Visitor.Ministry),
        ["/pulso"] = new(Visitor.Anonymous),
        ["/pulso/boletas"] = new(Visitor.FocalPoint),
        ["/notificaciones"] = new(Visitor.FocalPoint),
        ["/notificaciones/preferencias"] = new(Visitor.FocalPoint),
        // ministry-admin only: the analyst gets the 403 page (there is no admin visitor here).
        ["/ministerio/notificaciones"] = new(Visitor.Ministry, Status: 403),
        ["/ministerio/integradores"] = new(Visitor.Ministry, Status: 403),
        ["/ministerio/integradores/{ClientId}"] = new(Visitor.Ministry, Status: 403),
    };

    /// <summary>
    /// What a person also sees: the 404 and 403 answers, a referral as its destination institution sees it (with the
    /// forms to accept, reject or put on hold), and each form sent empty, with the errors next to its fields.
    /// </summary>
    private static readonly Extra[] Extras =
    [
        new("dirección desconocida (404)", "/no-existe-esta-pagina", new(Visitor.FocalPoint, Status: 404)),
        new("página de otro municipio (403)", $"/mesa/{OtherMunicipality}", new(Visitor.FocalPoint, Status: 403)),
        new("referencia vista por su destino", "/referencias/{Id:guid}", new(Visitor.Officer, Made.Referral)),
        new("referencia enviada vacía", "/referencias/nueva", new(Visitor.FocalPoint), "[data-testid=send-referral]"),
        new("registro de la persona sin motivo", "/referencias/{Id:guid}/persona", new(Visitor.FocalPoint, Made.Referral), "[data-testid=do-open-record]"),
        new("ronda abierta sin período", "/necesidades/{Code}", new(Visitor.FocalPoint), "[data-testid=do-open-round]"),
        new("necesidad enviada vacía", "/necesidades/ronda/{Id:guid}", new(Visitor.FocalPoint, Made.NeedsRound), "[data-testid=do-add-need]"),
        new("servicio enviado vacío", "/oferta/{Code}", new(Visitor.FocalPoint), "[data-testid=do-add-service]"),
        new("importación de miembros sin archivo", "/mesa/{Code}/importar", new(Visitor.FocalPoint), "[data-testid=do-import-members]"),
        new("punto focal designado sin elegir a nadie", "/mesa/{Code}", new(Visitor.FocalPoint), "[data-testid=do-appoint-focal]"),
        new("jornada enviada vacía", "/jornadas/{Code}", new(Visitor.FocalPoint), "[data-testid=plan-submit]"),
        new("sesión enviada sin orden del día", "/mesa/{Code}/sesiones/nueva", new(Visitor.FocalPoint), "[data-testid=do-record-session]"),
        new("objetivo del PAT enviado vacío", "/pat/{Code}", new(Visitor.FocalPoint), "[data-testid=do-add-objective]"),
        new("acción del PAT enviada vacía", "/pat/{Code}", new(Visitor.FocalPoint), "[data-testid=do-add-action]"),
        new("aprobación del PAT sin sesión", "/pat/{Code}/versiones", new(Visitor.FocalPoint), "[data-testid=do-approve]"),
        new("jornada en la tableta", "/jornadas/dia/{Id:guid}/tableta", new(Visitor.FocalPoint, Made.ServiceDay)),
        new("boletas del pulso impresas (códigos, dirección y QR)", "/pulso/boletas", new(Visitor.FocalPoint), "[data-testid=do-print-slips]", "[data-testid=slip]"),
        new("código del pulso que no se puede usar", "/pulso?codigo=ABCD-EFGH-JKMN", new(Visitor.Anonymous)),
        new("lote de la tableta guardado vacío", "/jornadas/dia/{Id:guid}/tableta", new(Visitor.FocalPoint, Made.ServiceDay), "[data-testid=attendance-save]"),
    ];

    /// <summary>
    /// A page seen in a particular state; <paramref name="Submit"/> is a button pressed first, and <paramref name="Shows"/>
    /// what its answer shows (field errors unless said otherwise).
    /// </summary>
    private sealed record Extra(string Name, string Route, Visit Visit, string? Submit = null, string Shows = ".field-error");

    [Fact]
    public void Every_page_of_the_portal_says_who_visits_it_in_the_accessibility_table()
    {
        var routes = PortalRoutes();
        var missing = routes.Except(Visits.Keys).ToList();
        Assert.True(missing.Count == 0,
            $"Páginas nuevas sin entrada en AccessibilityTests.Visits (agregue quién la visita y el valor de cada parámetro): {string.Join(", ", missing)}");
        var gone = Visits.Keys.Except(routes).ToList();
        Assert.True(gone.Count == 0, $"AccessibilityTests.Visits nombra páginas que ya no existen: {string.Join(", ", gone)}");
    }

    // The portal and its pages are the same in front of either shape; the other portal tests cover what reaches the modules.
    [Trait(BoardsAppFixture.ShapeTrait, BoardsAppFixture.ShapeIndependent)]
    [Fact]
    public async Task Every_page_has_no_WCAG_2_1_AA_violation_found_by_axe_at_desktop_and_phone_width()
    {
        var routes = PortalRoutes();
        Assert.All(routes, route => Assert.True(Visits.ContainsKey(route),
            $"La página {route} no tiene entrada en AccessibilityTests.Visits: agregue quién la visita y el valor de cada parámetro."));
        var ids = await MakeWhatThePagesShowAsync();
        await AxeReportsWhatAPageCouldGetWrongAsync();
        // The two widths side by side, each on its own portal replica (both serve every page): on two cores the axe runs
        // of one overlap the page loads of the other.
        var portals = BoardsAppFixture.ReplicasOf("portal", BoardsAppFixture.PortalPort).Select(r => $"http://localhost:{r.Port}").ToList();
        var widths = await Task.WhenAll(
            CheckEveryPageAsync(phone: false, portals[0], ids, routes),
            CheckEveryPageAsync(phone: true, portals[^1], ids, routes));
        var found = widths.SelectMany(w => w).ToList();
        Assert.True(found.Count == 0, $"axe encontró {found.Count} violaciones de WCAG 2.1 AA:\n{string.Join("\n", found)}");
    }

    private async Task<List<string>> CheckEveryPageAsync(bool phone, string portal, IReadOnlyDictionary<Made, string> ids, IReadOnlyCollection<string> routes)
    {
        var found = new List<string>();
        var width = phone ? "teléfono" : "escritorio";
        foreach (var visitor in Enum.GetValues<Visitor>())
        {
            var page = await Browser.NewPageAsync(phone);
            if (visitor != Visitor.Anonymous)
            {
                await SignInCheckingTheFormAsync(page, portal, visitor, $"{width}, {visitor}", found);
            }

            foreach (var route in routes.Where(r => Visits[r].Visitor == visitor))
            {
                var visit = Visits[route];
                await CheckAsync(page, portal, route, Fill(route, visit, ids), visit.Status, width, found, submit: null);
            }

            foreach (var extra in Extras.Where(e => e.Visit.Visitor == visitor))
            {
                await CheckAsync(page, portal, extra.Name, Fill(extra.Route, extra.Visit, ids), extra.Visit.Status, width, found, extra.Submit, extra.Shows);
            }

            await page.Context.CloseAsync();
        }

        return found;
    }

    /// <summary>The check itself: text too light and a field with no label, added to a page, come back as violations.</summary>
    private async Task AxeReportsWhatAPageCouldGetWrongAsync()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(Boards.PortalUrl + "/");
        await page.EvalOnSelectorAsync("main", "m => m.insertAdjacentHTML('beforeend', '<p style=\"color:#aaa\">Texto claro</p><input type=\"text\">')");
        var violations = string.Join("\n", await ViolationsAsync(page, "control"));
        Assert.Contains("color-contrast", violations);
        Assert.Contains(": label (", violations);
        await page.Context.CloseAsync();
    }

    /// <summary>The identity provider's form, as first shown and after a wrong password, then the real sign-in.</summary>
    private async Task SignInCheckingTheFormAsync(IPage page, string portal, Visitor visitor, string where, List<string> found)
    {
        var user = Users[visitor];
        await page.GotoAsync(portal + "/referencias");
        await page.WaitForSelectorAsync("#username");
        if (visitor == Visitor.FocalPoint)
        {
            found.AddRange(await ViolationsAsync(page, $"formulario de ingreso ({where})"));
            await page.FillAsync("#username", user);
            await page.FillAsync("#password", "no-es-la-clave");
            await page.ClickAsync("button[type=submit]");
            await page.WaitForSelectorAsync("p.error");
            found.AddRange(await ViolationsAsync(page, $"formulario de ingreso con error ({where})"));
        }

        await page.FillAsync("#username", user);
        await page.FillAsync("#password", "demo");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.StartsWith(portal + "/referencias", StringComparison.Ordinal));
    }

    private async Task CheckAsync(IPage page, string portal, string name, string path, int status, string width, List<string> found, string? submit, string shows = ".field-error")
    {
        var response = await page.GotoAsync(portal + path);
        Assert.True(response?.Status == status, $"{path} ({width}) respondió {response?.Status}, se esperaba {status}.");
        if (submit is not null)
        {
            await page.ClickAsync(submit);
            await page.Locator(shows).First.WaitForAsync();
        }

        found.AddRange(await ViolationsAsync(page, $"{name} → {path} ({width})"));
    }

    private async Task<IEnumerable<string>> ViolationsAsync(IPage page, string where)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        });
        // A page axe could not read (nothing passed) would hide its violations.
        Assert.True(result.Passes.Length > 0, $"axe no evaluó ninguna regla en {where}.");
        output.WriteLine($"{where}: {result.Passes.Length} reglas cumplidas, {result.Violations.Length} violadas; a revisar a mano: " +
            string.Join(", ", result.Incomplete.Select(i => $"{i.Id} ({string.Join(" | ", i.Nodes.Select(n => n.Target?.ToString()))})")));
        return result.Violations.Select(v =>
            $"- {where}: {v.Id} ({v.Impact}) {v.Help} — en {string.Join(" | ", v.Nodes.Select(n => n.Target?.ToString()))}");
    }

    private static string Fill(string route, Visit visit, IReadOnlyDictionary<Made, string> ids)
    {
        var path = route.Replace("{Code}", Municipality, StringComparison.Ordinal).Replace("{ClientId}", "int-mspbs-00000000", StringComparison.Ordinal);
        if (path.Contains("{Id:guid}", StringComparison.Ordinal))
        {
            Assert.True(visit.Id != Made.None, $"{route}: diga en AccessibilityTests.Visits qué es su {{Id}}.");
            path = path.Replace("{Id:guid}", ids[visit.Id], StringComparison.Ordinal);
        }

        Assert.False(path.Contains('{'), $"{route}: un parámetro sin valor en AccessibilityTests (agregue cómo llenarlo).");
        return path;
    }

    /// <summary>Every <c>@page "..."</c> in the portal's source.</summary>
    private static List<string> PortalRoutes()
    {
        var portal = Path.Combine(Repository.Root, "gateways", "Portal", "Boards.Portal");
        return Directory.EnumerateFiles(portal, "*.razor", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => PageDirective().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex("""^\s*@page\s+"([^"]+)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex PageDirective();

    /// <summary>
    /// Villa Oliva's board (members, focal point, a session 70 days ago, so an early warning is raised), this year's plan
    /// with an action under way, an open needs round with needs and a ballot, a confirmed service day with attendance, and a
    /// referral: the ids the pages with an {Id} need.
    /// </summary>
    private async Task<Dictionary<Made, string>> MakeWhatThePagesShowAsync()
    {
        var admin = await Boards.Tokens.ForUser("admin");
        var focal = await Boards.Tokens.ForUser(Users[Visitor.FocalPoint]);
        await ExpectAsync(HttpMethod.Post, "/api/boards", admin, [HttpStatusCode.Created, HttpStatusCode.Conflict], new
        {
            municipalityCode = Municipality, resolutionNumber = "Res. 30/2025", resolutionDate = "2025-04-15",
            chairName = "Intendencia municipal", chairRole = "mayor",
        });
        foreach (var (name, sector) in new[] { ("Nilda Ferreira", "local_government"), ("Ramón Sosa", "national_institution") })
        {
            await ExpectAsync(HttpMethod.Post, $"/api/boards/{Municipality}/members", admin, [HttpStatusCode.Created, HttpStatusCode.Conflict],
                GatewayCalls.Member(name, sector));
        }

        var roster = await ExpectAsync(HttpMethod.Get, $"/api/boards/{Municipality}/members", admin, [HttpStatusCode.OK]);
        var members = roster.EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToList();
        await ExpectAsync(HttpMethod.Post, $"/api/boards/{Municipality}/focal-point", admin, [HttpStatusCode.Created, HttpStatusCode.Conflict],
            new { memberId = members[0], startsOn = "2026-01-10" });
        var session = await ExpectAsync(HttpMethod.Post, $"/api/boards/{Municipality}/sessions", admin, [HttpStatusCode.Created], new
        {
            date = Date(DateTime.UtcNow.AddDays(-70)), agenda = "Priorización de necesidades de Villa Oliva",
            minutes = "Se acuerda un operativo de documentación.", attendees = members,
            agreements = new[] { new { what = "Operativo de cedulación en la costa", responsibleInstitution = "mds", dueOn = Date(DateTime.UtcNow.AddDays(60)) } },
        });

        var year = DateTime.UtcNow.Year;
        var plan = await ExpectAsync(HttpMethod.Post, "/api/plans", focal, [HttpStatusCode.Created], new { municipalityCode = Municipality, year });
        var planPath = $"/api/plans/{plan.GetProperty("id").GetGuid()}";
        var withObjective = await ExpectAsync(HttpMethod.Post, $"{planPath}/objectives", focal, [HttpStatusCode.Created],
            new { title = "Documentar a las familias de la costa", weight = 1 });
        var objectiveId = withObjective.GetProperty("objectives")[0].GetProperty("id").GetGuid();
        var action = await ExpectAsync(HttpMethod.Post, $"{planPath}/actions", focal, [HttpStatusCode.Created], new
        {
            objectiveId, title = "Operativo de cedulación",
            horizon = "short_term", responsibleInstitution = "mds", startsOn = $"{year}-03-01", endsOn = $"{year}-12-31", budget = 2_000_000,
        });
        await ExpectAsync(HttpMethod.Post, $"{planPath}/actions/{action.GetProperty("id").GetGuid()}/progress", focal, [HttpStatusCode.OK],
            new { expectedVersion = action.GetProperty("version").GetInt64(), status = "in_progress" });

        var round = await ExpectAsync(HttpMethod.Post, "/api/needs/rounds", focal, [HttpStatusCode.Created], new { municipalityCode = Municipality, period = "2026-S1" });
        var roundId = round.GetProperty("id").GetGuid();
        var needs = new List<Guid>();
        foreach (var (category, people) in new[] { ("health", 40), ("identity_documents", 25) })
        {
            var need = await ExpectAsync(HttpMethod.Post, $"/api/needs/rounds/{roundId}/needs", focal, [HttpStatusCode.Created], new
            {
                category, locality = "Compañía Costa", populationGroup = "elderly", peopleAffected = people, severity = 3, evidenceSource = "survey",
            });
            needs.Add(need.GetProperty("id").GetGuid());
        }

        await ExpectAsync(HttpMethod.Put, $"/api/needs/rounds/{roundId}/ballots/{members[0]}", focal, [HttpStatusCode.OK], new { ranking = needs });

        var day = await Eventually.Until(
            () => Boards.Http.SendJsonAsync(HttpMethod.Post, "/api/service-days", focal, new
            {
                municipalityCode = Municipality, locality = "Centro", date = Date(DateTime.UtcNow.AddHours(-3)), venue = "Escuela Básica N° 512",
                expectedAttendance = 30, institutions = new[] { new { institutionCode = "mspbs", services = new[] { OfferSetup.PrimaryCare } } },
            }),
            r => r.Status == HttpStatusCode.Created,
            what: "ServiceDays' catalog replica with primary care");
        var dayPath = $"/api/service-days/{day.Body.GetProperty("id").GetGuid()}";
        await ExpectAsync(HttpMethod.Post, $"{dayPath}/confirm", focal, [HttpStatusCode.OK]);
        await ExpectAsync(HttpMethod.Post, $"{dayPath}/attendance-batches", focal, [HttpStatusCode.OK], new
        {
            batchId = "accesibilidad-1",
            entries = new object[]
            {
                new { serviceCode = OfferSetup.PrimaryCare, documentNumber = "5120001" },
                new { serviceCode = OfferSetup.PrimaryCare, anonymousCount = 2 },
            },
        });

        var referral = await Boards.Referrals.CreateReferralAsync(Requests.NewReferral(Municipality), BoardsAppFixture.Bearer(focal));
        return new()
        {
            [Made.ImportJob] = await FailedImportJobAsync(focal),
            [Made.Referral] = referral.Id,
            [Made.NeedsRound] = roundId.ToString(),
            [Made.ServiceDay] = day.Body.GetProperty("id").GetString()!,
            [Made.Session] = session.GetProperty("id").GetString()!,
            [Made.PlanObjective] = objectiveId.ToString(),
            [Made.PlanAction] = action.GetProperty("id").GetString()!,
        };
    }

    /// <summary>A member import large enough to run as a job, with a bad last row: the job page with its errors, and nothing written.</summary>
    private async Task<string> FailedImportJobAsync(string focal)
    {
        var rows = Enumerable.Range(1, 600).Select(i => $"Persona {i};Comité {i};organizacion_comunitaria;mujer;adulto;rural;Costa;2026-01-05")
            .Prepend("nombre;institucion;sector;genero;franja_edad;area;localidad;fecha_designacion")
            .Append("Última;Comité;organizacion_comunitaria;marciana;adulto;rural;Costa;2026-01-05");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/boards/{Municipality}/members/import")
        {
            Content = new StringContent(string.Join('\n', rows), System.Text.Encoding.UTF8, "text/csv"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", focal);
        using var response = await Boards.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {body}");
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        await Eventually.Until(
            () => Boards.Http.SendJsonAsync(HttpMethod.Get, $"/api/boards/{Municipality}/members/import/{id}", focal),
            r => r.Body.GetProperty("status").GetString() == "failed",
            what: "the member import job to end");
        return id;
    }

    private static string Date(DateTime when) => when.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<JsonElement> ExpectAsync(HttpMethod method, string path, string token, HttpStatusCode[] expected, object? body = null) =>
        Boards.Http.ExpectJsonAsync(method, path, token, expected, body);
}
