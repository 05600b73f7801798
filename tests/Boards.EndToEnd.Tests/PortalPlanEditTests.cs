using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// "Mi PAT", writable: Villa Franca's focal point builds the year's plan from the portal only. A closed needs round and two
/// board sessions (one with quorum, one without) are made through the gateway first, as the board would. The focal point
/// opens the plan, adds an objective linked to a prioritized need chosen by name, adds an action with budget and weight
/// (an unreadable budget is refused next to its field), dismisses one board agreement with a reason and accepts the other
/// into the objective, records progress (an override without a reason gets Planning's
/// message next to the reason), approves with the session that had quorum (the other one is refused in Planning's
/// words), amends, corrects the action after someone else recorded progress (the stale version shows what changed and
/// keeps what was typed) and reads the diff between versions in words. Villa Franca's needs round uses its own period,
/// is closed at once, and its plan is used by no other test.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class PortalPlanEditTests(BoardsAppFixture boards) : PortalTest(boards)
{
    private const string Municipality = "villa-franca";

    [Fact]
    public async Task Portal_the_focal_point_builds_approves_and_amends_the_plan_and_sees_the_diff()
    {
        var admin = await Boards.Tokens.ForUser("admin");
        var focal = await Boards.Tokens.ForUser($"focal.{Municipality}");
        var voters = await BoardWithVotersAsync(admin);
        var health = await PrioritizedHealthNeedAsync(focal, voters);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var withQuorum = await SessionAsync(admin, today.AddDays(-2), "Aprobación del plan de acción territorial", voters);
        var withoutQuorum = await SessionAsync(admin, today.AddDays(-3), "Reunión informativa sin quórum", []);
        var year = await FreeYearAsync(focal);

        // Planning learns sessions from Membership's events: both are known once their agreements carry the session's date.
        var proposals = await Eventually.Until(
            () => ExpectAsync(HttpMethod.Get, $"/api/plans/proposals?municipality={Municipality}", focal, [HttpStatusCode.OK]),
            list => new[] { withQuorum, withoutQuorum }.All(s => list.EnumerateArray().Any(p =>
                p.GetProperty("sessionId").GetString() == s && p.GetProperty("sessionDate").ValueKind == JsonValueKind.String)),
            TimeSpan.FromSeconds(60), "Planning to know both sessions");
        string AgreementOf(string session) => proposals.EnumerateArray().First(p => p.GetProperty("sessionId").GetString() == session).GetProperty("agreementId").GetString()!;

        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, $"focal.{Municipality}", $"/pat/{Municipality}?anio={year}");

        // The year's plan, opened from the portal.
        await page.Locator("[data-testid=no-plan]").WaitForAsync();
        await page.ClickAsync("[data-testid=do-create-plan]");
        await page.WaitForURLAsync(url => url.Contains("hecho=plan", StringComparison.Ordinal));
        Assert.Equal("Borrador", await page.InnerTextAsync("[data-testid=plan-status]"));

        // An objective answering the prioritized need, chosen by its name; sent without a title, Planning's error shows next to it.
        await page.ClickAsync("[data-testid=do-add-objective]");
        var html = await page.ContentAsync();
        Assert.True(await page.Locator("p.field-error[data-field=title]").CountAsync() == 1, html[Math.Max(0, html.IndexOf("<main", StringComparison.Ordinal))..]);
        await page.FillAsync("#add-objective-title", "Mejorar el acceso a la salud en Ybyraró");
        await page.FillAsync("#add-objective-weight", "2");
        await page.GetByLabel(new Regex(@"^#\d+ Salud · Compañía Ybyraró")).CheckAsync();
        await page.ClickAsync("[data-testid=do-add-objective]");
        await page.WaitForURLAsync(url => url.Contains("hecho=objetivo", StringComparison.Ordinal));
        Assert.Contains("Salud · Compañía Ybyraró", await page.InnerTextAsync("[data-testid=objective-needs]"));
        var plan = await PlanAsync(focal, year);
        Assert.Equal(health, plan.GetProperty("objectives")[0].GetProperty("needs")[0].GetProperty("needId").GetString());

        // An action with budget and weight: a budget written in words is refused by the page, next to the field.
        await page.FillAsync("#add-action-title", "Jornada de atención primaria en Ybyraró");
        await page.SelectOptionAsync("#add-action-horizon", "short_term");
        await PortalBrowser.ChooseAsync(page, "#add-action-institution", "mspbs");
        await page.FillAsync("#add-action-starts", $"{year}-03-01");
        await page.FillAsync("#add-action-ends", $"{year}-12-31");
        await page.FillAsync("#add-action-budget", "tres millones");
        await page.FillAsync("#add-action-weight", "2");
        await page.FillAsync("#add-action-ind-0-name", "Personas atendidas");
        await page.FillAsync("#add-action-ind-0-unit", "personas");
        await page.FillAsync("#add-action-ind-0-baseline", "0");
        await page.FillAsync("#add-action-ind-0-target", "200");
        await page.ClickAsync("[data-testid=do-add-action]");
        Assert.Contains("solo con números", await page.InnerTextAsync("p.field-error[data-field=budget]"));
        Assert.Equal("Jornada de atención primaria en Ybyraró", await page.InputValueAsync("#add-action-title"));
        await page.FillAsync("#add-action-budget", "3500000");
        await page.ClickAsync("[data-testid=do-add-action]");
        await page.WaitForURLAsync(url => url.Contains("hecho=accion", StringComparison.Ordinal));
        var actions = await page.InnerTextAsync("table[data-testid=actions]");
        Assert.Matches(@"Gs\. 3\D500\D000", actions);
        Assert.Contains("Ministerio de Salud", actions);
        await PortalBrowser.ScreenshotAsync(page, "20-pat-edit");

        // The board's agreements: one dismissed (a reason is required, in Planning's words), one accepted into the objective.
        await page.ClickAsync("[data-testid=nav-plan-proposals]");
        var dismissed = page.Locator($"li[data-proposal='{AgreementOf(withoutQuorum)}']");
        await dismissed.Locator("[data-testid=do-dismiss]").ClickAsync();
        Assert.False(string.IsNullOrWhiteSpace(await dismissed.Locator("p.field-error[data-field=reason]").InnerTextAsync()));
        await dismissed.Locator("textarea").FillAsync("Sin quórum: se tratará en la próxima sesión");
        await dismissed.Locator("[data-testid=do-dismiss]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("hecho=propuesta-descartada", StringComparison.Ordinal));
        Assert.Contains("Sin quórum: se tratará", await dismissed.Locator("[data-testid=dismiss-reason]").InnerTextAsync());
        var accepted = page.Locator($"li[data-proposal='{AgreementOf(withQuorum)}']");
        await accepted.Locator("select[name='Accept.ObjectiveId']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await accepted.Locator("select[name='Accept.Horizon']").SelectOptionAsync("immediate");
        await accepted.Locator("[data-testid=do-accept]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("hecho=propuesta-aceptada", StringComparison.Ordinal));
        Assert.Equal("accepted", await accepted.GetAttributeAsync("data-status"));
        await page.ClickAsync("[data-testid=nav-plan-summary]");
        Assert.Contains("Aprobación del plan de acción territorial: seguimiento", await page.InnerTextAsync("table[data-testid=actions]"));

        // Progress: an override without a reason is refused in Planning's words, next to the reason; with one it counts.
        await page.Locator("[data-testid=edit-action]").First.ClickAsync();
        await page.Locator("[data-testid=progress-form]").WaitForAsync();
        await page.SelectOptionAsync("#progress-status", "in_progress");
        await page.FillAsync("#progress-value", "30");
        await page.ClickAsync("[data-testid=do-record-progress]");
        Assert.Contains("motivo", await page.InnerTextAsync("p.field-error[data-field=reason]"));
        Assert.Contains("error-reason", await page.GetAttributeAsync("#progress-reason", "aria-describedby") ?? "", StringComparison.Ordinal);
        Assert.Equal("30", await page.InputValueAsync("#progress-value"));
        await page.FillAsync("#progress-reason", "Se atendió a 60 de las 200 personas previstas");
        await page.FillAsync("#progress-indicator-0", "60");
        await page.ClickAsync("[data-testid=do-record-progress]");
        await page.WaitForURLAsync(url => url.Contains("hecho=avance", StringComparison.Ordinal));
        // The roll-up: the action (weight 2) at 30 and the accepted agreement (weight 1) not started: (2 × 30 + 1 × 0) ÷ 3 = 20.
        Assert.Equal(20.0, double.Parse((await page.GetAttributeAsync("meter[data-testid=plan-progress]", "value"))!, CultureInfo.InvariantCulture));
        Assert.Contains("30 %", await page.Locator("[data-testid=action-progress]").First.InnerTextAsync());

        // Approval: the session without quorum is refused in Planning's words; the one with quorum approves version 1.
        await page.ClickAsync("[data-testid=nav-plan-versions]");
        await page.SelectOptionAsync("#approve-session", withoutQuorum);
        await page.ClickAsync("[data-testid=do-approve]");
        Assert.Contains("no tuvo quórum", await page.InnerTextAsync("p.field-error[data-field=sessionId]"));
        await page.SelectOptionAsync("#approve-session", withQuorum);
        await page.ClickAsync("[data-testid=do-approve]");
        await page.WaitForURLAsync(url => url.Contains("hecho=aprobado", StringComparison.Ordinal));
        Assert.Contains("Aprobado", await page.InnerTextAsync("[data-testid=plan-state]"));
        Assert.Contains("Aprobado", await page.InnerTextAsync("table[data-testid=plan-versions]"));

        // The amendment: draft version 2.
        await page.ClickAsync("[data-testid=do-amend]");
        await page.WaitForURLAsync(url => url.Contains("hecho=enmienda", StringComparison.Ordinal));
        Assert.Contains("Borrador", await page.InnerTextAsync("[data-testid=plan-state]"));

        // Someone else records progress while the focal point corrects the budget: the stale version shows what
        // changed and keeps the new budget; saving again corrects it.
        plan = await PlanAsync(focal, year);
        var planId = plan.GetProperty("id").GetString();
        var action = plan.GetProperty("objectives")[0].GetProperty("actions")[0];
        var actionId = action.GetProperty("id").GetString();
        await page.GotoAsync($"{Boards.PortalUrl}/pat/{Municipality}/accion/{actionId}?anio={year}");
        await page.FillAsync("#edit-action-budget", "4.200.000");
        await ExpectAsync(HttpMethod.Post, $"/api/plans/{planId}/actions/{actionId}/progress", admin, [HttpStatusCode.OK],
            new { expectedVersion = action.GetProperty("version").GetInt64(), status = "in_progress", progress = 40, reason = "Informe de la USF" });
        await page.ClickAsync("[data-testid=do-edit-action]");
        var stale = await page.InnerTextAsync("[data-testid=stale]");
        Assert.Contains("40 %", stale);
        Assert.Contains("No se guardó", await page.InnerTextAsync("[data-testid=action-error]"));
        Assert.Equal("4.200.000", await page.InputValueAsync("#edit-action-budget"));
        await page.ClickAsync("[data-testid=do-edit-action]");
        await page.WaitForURLAsync(url => url.Contains("hecho=accion-editada", StringComparison.Ordinal));
        Assert.Matches(@"Gs\. 4\D200\D000", await page.InnerTextAsync("table[data-testid=actions]"));

        // The diff of version 2 against version 1, in words.
        await page.ClickAsync("[data-testid=nav-plan-versions]");
        var diff = page.Locator("table[data-testid=plan-diff] tr", new PageLocatorOptions { HasTextString = "Presupuesto" });
        var row = await diff.InnerTextAsync();
        Assert.Contains("Jornada de atención primaria en Ybyraró", row);
        Assert.Matches(@"Gs\. 3\D500\D000", row);
        Assert.Matches(@"Gs\. 4\D200\D000", row);
        Assert.Contains("Modificado", row);
        await PortalBrowser.ScreenshotAsync(page, "21-pat-diff");

        var versions = await ExpectAsync(HttpMethod.Get, $"/api/plans/{planId}/versions", focal, [HttpStatusCode.OK]);
        Assert.Equal(withQuorum, versions[0].GetProperty("sessionId").GetString());
        Assert.Equal("draft", versions[1].GetProperty("status").GetString());
    }

    /// <summary>Villa Franca's board (made if needed) with two new voting members; the ids of every voting member active now.</summary>
    private async Task<List<string>> BoardWithVotersAsync(string admin)
    {
        await ExpectAsync(HttpMethod.Post, "/api/boards", admin, [HttpStatusCode.Created, HttpStatusCode.Conflict], new
        {
            municipalityCode = Municipality, resolutionNumber = "Res. 5/2025", resolutionDate = "2025-03-01", chairName = "Intendencia municipal", chairRole = "mayor",
        });
        foreach (var (name, sector) in new[] { ("Delia Ortiz", "local_government"), ("USF Ybyraró", "national_institution") })
        {
            await ExpectAsync(HttpMethod.Post, $"/api/boards/{Municipality}/members", admin, [HttpStatusCode.Created],
                GatewayCalls.Member($"{name} {Guid.NewGuid().ToString("N")[..4]}", sector));
        }

        var roster = await ExpectAsync(HttpMethod.Get, $"/api/boards/{Municipality}/members", admin, [HttpStatusCode.OK]);
        return roster.EnumerateArray().Where(m => m.GetProperty("voting").GetBoolean()).Select(m => m.GetProperty("id").GetString()!).ToList();
    }

    /// <summary>A needs round of its own period, ranked by two members and closed; the health need's id once Planning has it.</summary>
    private async Task<string> PrioritizedHealthNeedAsync(string focal, List<string> voters)
    {
        var round = await ExpectAsync(HttpMethod.Post, "/api/needs/rounds", focal, [HttpStatusCode.Created], new { municipalityCode = Municipality, period = "2026-T1" });
        var roundPath = $"/api/needs/rounds/{round.GetProperty("id").GetString()}";
        var needs = new List<string>();
        foreach (var (category, people) in new[] { ("health", 40), ("identity_documents", 15) })
        {
            var need = await ExpectAsync(HttpMethod.Post, $"{roundPath}/needs", focal, [HttpStatusCode.Created], new
            {
                category, locality = "Compañía Ybyraró", populationGroup = "elderly", peopleAffected = people, severity = 4, evidenceSource = "survey",
            });
            needs.Add(need.GetProperty("id").GetString()!);
        }

        foreach (var voter in voters.Take(2))
        {
            await ExpectAsync(HttpMethod.Put, $"{roundPath}/ballots/{voter}", focal, [HttpStatusCode.OK], new { ranking = needs });
        }

        var open = await ExpectAsync(HttpMethod.Get, roundPath, focal, [HttpStatusCode.OK]);
        await ExpectAsync(HttpMethod.Post, $"{roundPath}/close", focal, [HttpStatusCode.OK], new { expectedVersion = open.GetProperty("version").GetInt32() });
        await Eventually.Until(
            () => ExpectAsync(HttpMethod.Get, $"/api/plans/needs?municipality={Municipality}", focal, [HttpStatusCode.OK]),
            list => list.EnumerateArray().Any(n => n.GetProperty("needId").GetString() == needs[0]),
            TimeSpan.FromSeconds(60), "Planning to know the prioritized needs");
        return needs[0];
    }

    private async Task<string> SessionAsync(string admin, DateOnly date, string agenda, List<string> attendees)
    {
        var session = await ExpectAsync(HttpMethod.Post, $"/api/boards/{Municipality}/sessions", admin, [HttpStatusCode.Created], new
        {
            date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), agenda, minutes = "Acta de la sesión.", attendees,
            agreements = new[] { new { what = $"{agenda}: seguimiento", responsibleInstitution = "mds", dueOn = date.AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } },
        });
        return session.GetProperty("id").GetString()!;
    }

    /// <summary>This year, or the first later year without a plan for Villa Franca (Planning takes up to five years ahead).</summary>
    private async Task<int> FreeYearAsync(string focal)
    {
        for (var year = DateTime.UtcNow.Year; year <= DateTime.UtcNow.Year + 5; year++)
        {
            var plans = await ExpectAsync(HttpMethod.Get, $"/api/plans?municipality={Municipality}&year={year}", focal, [HttpStatusCode.OK]);
            if (plans.GetArrayLength() == 0)
            {
                return year;
            }
        }

        throw new InvalidOperationException($"{Municipality} has a plan for every year Planning accepts.");
    }

    private async Task<JsonElement> PlanAsync(string token, int year)
    {
        var list = await ExpectAsync(HttpMethod.Get, $"/api/plans?municipality={Municipality}&year={year}", token, [HttpStatusCode.OK]);
        return await ExpectAsync(HttpMethod.Get, $"/api/plans/{list[0].GetProperty("id").GetString()}", token, [HttpStatusCode.OK]);
    }

    private Task<JsonElement> ExpectAsync(HttpMethod method, string path, string token, HttpStatusCode[] expected, object? body = null) =>
        Boards.Http.ExpectJsonAsync(method, path, token, expected, body);
}
