using Boards.Testing;
namespace Boards.Monitoring.Tests.Integration.NationalTable;

/// <summary>
/// The filtered national table over the real read model, through the real HTTP pipeline with real tokens: the figures
/// for a department and a quarter are the ones worked out by hand from <see cref="TwoDepartments"/>, and the filters
/// narrow a focal point's table without ever widening it.
/// </summary>
public sealed class NationalTableFilterTests(TokenMonitoringHost host) : IClassFixture<TokenMonitoringHost>
{
    private async Task<JsonElement> GetAsync(string path, string token, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = host.Client(token);
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} instead of {(int)expected}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static JsonElement Row(JsonElement table, string code) =>
        table.GetProperty("municipalities").EnumerateArray().Single(m => m.Str("code") == code);

    private static int[] Counts(JsonElement referrals) =>
        [.. new[] { "sent", "open", "accepted", "rejected", "completed", "failed", "cancelled", "overdue" }.Select(name => referrals.Int(name))];

    private static double? Rate(JsonElement element) =>
        element.GetProperty("closedLoopRate") is { ValueKind: JsonValueKind.Number } rate ? rate.GetDouble() : null;

    [Fact]
    public async Task Filtered_by_department_and_quarter_the_table_matches_the_figures_worked_out_by_hand()
    {
        // Central (11) and Alto Paraguay (17): no other test registers a municipality there.
        var story = new TwoDepartments(11, "Central", 17, "Alto Paraguay");
        await story.SeedAsync(host);
        var analyst = await host.TokenAsync(null, BoardsRoles.MinistryAnalyst);

        var table = await GetAsync("/api/monitoring/national?period=2026-Q1&department=11", analyst);

        // Only the department's municipalities, in the table's order (Alto Verá before Yatytay).
        Assert.Equal([story.A, story.B], table.GetProperty("municipalities").EnumerateArray().Select(m => m.Str("code")));
        Assert.Equal(("2026-Q1", "quarter", "2026-01-01", "2026-03-31"), (table.GetProperty("period").Str("code"),
            table.GetProperty("period").Str("kind"), table.GetProperty("period").Str("from"), table.GetProperty("period").Str("to")));
        Assert.Equal((11, "Central"), (table.GetProperty("department").Int("number"), table.GetProperty("department").Str("name")));
        Assert.Equal(["2026-01", "2026-02", "2026-03"], table.GetProperty("months").EnumerateArray().Select(m => m.GetString()));

        // A, created in Q1: completed 15/01, rejected 10/02, cancelled 31/03 at 23:30 (April in UTC, March in Paraguay).
        // sent 3, open 0, accepted 1, rejected 1, completed 1, failed 0, cancelled 1, overdue 0; rate 1 ÷ (3 − 1) = 0.5.
        // Its April referral (accepted, overdue) is Q2's.
        var a = Row(table, story.A);
        Assert.Equal([3, 0, 1, 1, 1, 0, 1, 0], Counts(a.GetProperty("referrals")));
        Assert.Equal(0.5, Rate(a));
        Assert.Equal("pilot-2021", a.Str("cohort"));
        Assert.Equal(
            [("2026-01", 1, 1, 0, (double?)1), ("2026-02", 1, 0, 0, 0), ("2026-03", 1, 0, 1, null)],
            a.GetProperty("months").EnumerateArray().Select(m => (m.Str("month"), m.Int("sent"), m.Int("closedLoop"), m.Int("cancelled"), Rate(m))));
        // B: failed 01/03, still requested 20/02 and 05/01. sent 3, open 2, accepted 1, failed 1; rate 1 ÷ 3 = 0.33.
        var b = Row(table, story.B);
        Assert.Equal([3, 2, 1, 0, 0, 1, 0, 0], Counts(b.GetProperty("referrals")));
        Assert.Equal(0.33, Rate(b));
        // The department: sent 6, open 2, accepted 2, rejected 1, completed 1, failed 1, cancelled 1; rate 2 ÷ (6 − 1) = 0.4.
        var totals = table.GetProperty("totals");
        Assert.Equal([6, 2, 2, 1, 1, 1, 1, 0], Counts(totals.GetProperty("referrals")));
        Assert.Equal(0.4, Rate(totals));

        // Service days of Q1 by date: A's 14/02 (50 people; MSPBS 30 + 10 in two services, MEC 15); B's 05/03 as corrected
        // (19 people; MSPBS 13, MDS 8). A's April day is Q2's. Department: 2 days, 69 people.
        Assert.Equal((1, 50), (a.GetProperty("serviceDays").Int("held"), a.GetProperty("serviceDays").Int("peopleServed")));
        Assert.Equal([("mspbs", 1, 40), ("mec", 1, 15)], Institutions(a));
        Assert.Equal((1, 19), (b.GetProperty("serviceDays").Int("held"), b.GetProperty("serviceDays").Int("peopleServed")));
        Assert.Equal([("mspbs", 1, 13), ("mds", 1, 8)], Institutions(b));
        Assert.Equal((2, 69), (totals.Int("serviceDaysHeld"), totals.Int("peopleServed")));

        // A's focal point has access (an older "pending" came late); B's current term (board version 5) has no account.
        Assert.Equal((true, true, "granted", "2025-06-01"), FocalPoint(a));
        Assert.Equal((true, false, "no_account", "2026-02-01"), FocalPoint(b));

        // Q2: A's overdue April referral, B's completed May one.
        var q2 = await GetAsync("/api/monitoring/national?period=2026-Q2&department=11", analyst);
        Assert.Equal([1, 1, 1, 0, 0, 0, 0, 1], Counts(Row(q2, story.A).GetProperty("referrals")));
        Assert.Equal([1, 0, 1, 0, 1, 0, 0, 0], Counts(Row(q2, story.B).GetProperty("referrals")));
        Assert.Equal([("mspbs", 1, 20)], Institutions(Row(q2, story.A)));
    }

    [Fact]
    public async Task Month_year_cohort_and_all_time_filters_add_up_the_same_months()
    {
        var story = new TwoDepartments(4, "Guairá", 8, "Misiones");
        await story.SeedAsync(host);
        var analyst = await host.TokenAsync(null, BoardsRoles.MinistryAnalyst);

        var march = await GetAsync("/api/monitoring/national?period=2026-03&department=4", analyst);
        var year = await GetAsync("/api/monitoring/national?period=2026&department=4", analyst);
        var pilot = await GetAsync("/api/monitoring/national?period=2026-T1&cohort=PILOT-2021", analyst);
        var allTime = await GetAsync("/api/monitoring/national?department=8", analyst);

        // March: A's cancelled referral of 31/03 23:30; B's failed one of 01/03.
        Assert.Equal([1, 0, 0, 0, 0, 0, 1, 0], Counts(Row(march, story.A).GetProperty("referrals")));
        Assert.Equal([1, 0, 1, 0, 0, 1, 0, 0], Counts(Row(march, story.B).GetProperty("referrals")));
        // The year: every referral of A (4) and B (4); 12 trend months.
        Assert.Equal([4, 1, 2, 1, 1, 0, 1, 1], Counts(Row(year, story.A).GetProperty("referrals")));
        Assert.Equal(4, Counts(Row(year, story.B).GetProperty("referrals"))[0]);
        Assert.Equal(12, year.GetProperty("months").GetArrayLength());
        // The cohort narrows to the pilot districts (also in other tests' departments), and "T1" is the quarter.
        Assert.Contains(story.A, pilot.GetProperty("municipalities").EnumerateArray().Select(m => m.Str("code")));
        Assert.DoesNotContain(pilot.GetProperty("municipalities").EnumerateArray(), m => m.Str("cohort") != "pilot-2021");
        Assert.Equal(("2026-Q1", "pilot-2021"), (pilot.GetProperty("period").Str("code"), pilot.Str("cohort")));
        // All time: C alone in its department, all its referrals; no period in the answer.
        Assert.Equal([story.C], allTime.GetProperty("municipalities").EnumerateArray().Select(m => m.Str("code")));
        Assert.Equal(JsonValueKind.Null, allTime.GetProperty("period").ValueKind);
        Assert.Equal([1, 0, 1, 0, 1, 0, 0, 0], Counts(Row(allTime, story.C).GetProperty("referrals")));
        Assert.Equal((false, false), (Row(allTime, story.C).GetProperty("focalPoint").GetProperty("appointed").GetBoolean(),
            Row(allTime, story.C).GetProperty("focalPoint").GetProperty("accessGranted").GetBoolean()));
    }

    [Fact]
    public async Task A_focal_point_gets_only_its_own_municipality_whatever_the_filters_and_other_roles_are_refused()
    {
        var story = new TwoDepartments(12, "Ñeembucú", 13, "Amambay");
        await story.SeedAsync(host);
        var focal = await host.TokenAsync(story.A, BoardsRoles.FocalPoint);

        var own = await GetAsync("/api/monitoring/national?period=2026-Q1&department=12", focal);
        var otherDepartment = await GetAsync("/api/monitoring/national?department=13", focal);
        var everything = await GetAsync("/api/monitoring/national", focal);

        Assert.Equal([story.A], own.GetProperty("municipalities").EnumerateArray().Select(m => m.Str("code")));
        Assert.Equal(3, own.GetProperty("totals").GetProperty("referrals").Int("sent"));
        Assert.Equal(0, otherDepartment.GetProperty("municipalities").GetArrayLength());
        Assert.Equal([story.A], everything.GetProperty("municipalities").EnumerateArray().Select(m => m.Str("code")));
        foreach (var path in new[] { "/api/monitoring/national", "/api/monitoring/national/export.csv", "/api/monitoring/national/export.xlsx",
                     "/api/monitoring/national/monthly-report?department=12&month=2026-02" })
        {
            await GetAsync(path, await host.TokenAsync(null, BoardsRoles.Integrator), HttpStatusCode.Forbidden);
            await GetAsync(path, await host.OfficerTokenAsync("mspbs", story.A), HttpStatusCode.Forbidden);
            await GetAsync(path, await host.TokenAsync(null, BoardsRoles.FocalPoint), HttpStatusCode.Forbidden);
            using var anonymous = host.Client(null);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        }
    }

    private static (string, int, int)[] Institutions(JsonElement row) =>
        [.. row.GetProperty("serviceDays").GetProperty("byInstitution").EnumerateArray().Select(i => (i.Str("institution"), i.Int("days"), i.Int("attentions")))];

    private static (bool, bool, string?, string?) FocalPoint(JsonElement row)
    {
        var focal = row.GetProperty("focalPoint");
        return (focal.GetProperty("appointed").GetBoolean(), focal.GetProperty("accessGranted").GetBoolean(),
            focal.GetProperty("access").GetString(), focal.GetProperty("since").GetString());
    }
}
