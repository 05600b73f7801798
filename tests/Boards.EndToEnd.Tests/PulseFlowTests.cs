using System.Net.Http.Json;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Issue 22's pulse, done-when (docs/pulse.md): a one-time code printed after a counter-referral is answered once through
/// the gateway without a token; a second answer with it is refused; the municipality's trust index in Monitoring moves;
/// and a crafted drop (paper answers of the previous quarter against this one's) raises the trust early warning.
/// San Pedro del Paraná: the authorization matrices use it only for status codes, and no test there counts warnings
/// (PortalWarningTests needs Itakyry without any).
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class PulseFlowTests(BoardsAppFixture boards)
{
    private const string Municipality = "san-pedro-del-parana";

    private static string Quarter(DateOnly day) => $"{day.Year}-Q{(day.Month - 1) / 3 + 1}";

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(-3));

    [Fact]
    public async Task A_code_from_a_counter_referral_is_answered_once_the_trust_index_moves_and_a_crafted_drop_raises_the_warning()
    {
        var focalToken = await boards.Tokens.ForUser($"focal.{Municipality}");
        var analystToken = await boards.Tokens.ForUser("analyst");
        var focal = BoardsAppFixture.Bearer(focalToken);
        var integrator = BoardsAppFixture.Bearer(await boards.Tokens.ForIntegrator());
        var current = Quarter(Today);
        var previous = Quarter(Today.AddMonths(-3));

        // A counter-referral closes a referral of the municipality.
        var created = await boards.Referrals.CreateReferralAsync(Requests.NewReferral(Municipality), focal);
        var accepted = await boards.Referrals.AcceptReferralAsync(
            new AcceptReferralRequest { Id = created.Id, ExpectedVersion = created.Version, Note = "Turno asignado" }, integrator);
        var closed = await boards.Referrals.CounterReferAsync(new CounterReferRequest
        {
            Id = created.Id,
            ExpectedVersion = accepted.Version,
            CounterReferral = new CounterReferral
            {
                Attended = true,
                AttendedOn = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Outcome = Outcome.GotHelp,
                ServicesDelivered = { "control-prenatal" },
            },
        }, integrator);
        Assert.Equal(ReferralStatus.Completed, closed.Status);

        // The focal point prints the person's slip: one code, shown once; nothing of the referral goes with it.
        var slip = await boards.Http.ExpectJsonAsync(HttpMethod.Post, "/api/participation/slips", focalToken, [HttpStatusCode.Created],
            new { municipalityCode = Municipality, source = "counter_referral", ageBand = "15_29", count = 1 });
        var code = Assert.Single(slip.GetProperty("codes").EnumerateArray()).GetString()!;
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", code);
        Assert.DoesNotContain(created.Id, slip.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var before = await TrustAsync(analystToken, current);

        // The person answers through the gateway without a token; a second answer with the same code is refused.
        using var person = new HttpClient { BaseAddress = boards.Http.BaseAddress };
        using var opened = await person.PostAsJsonAsync("/pulse/v1/codes/check", new { code });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        using var first = await person.PostAsJsonAsync("/pulse/v1/answers",
            new { code, gotWhatCameFor = 5, treatedWell = 5, trustBoard = 1, endowmentShare = 30 });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var second = await person.PostAsJsonAsync("/pulse/v1/answers", new { code, trustBoard = 5 });
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        var refusal = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Código no válido.", refusal.GetProperty("title").GetString());
        Assert.Contains("una sola respuesta", refusal.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Monitoring's trust index for the municipality and quarter moves, with one more answer behind it.
        var after = await Eventually.Until(() => TrustAsync(analystToken, current), t => t.Answers == before.Answers + 1,
            TimeSpan.FromSeconds(60), "monitoring to count the answer");
        Assert.NotEqual(before.Value, after.Value);

        // A crafted drop: the previous quarter's paper forms trusted fully, this quarter's not at all (3 answers each,
        // the fixture's Monitoring:EarlyWarnings:TrustMinAnswers).
        for (var i = 0; i < 3; i++)
        {
            await boards.Http.ExpectJsonAsync(HttpMethod.Post, "/api/participation/paper-answers", focalToken, [HttpStatusCode.Created],
                new { source = "counter_referral", quarter = previous, trustBoard = 5 });
        }

        for (var i = 0; i < 2; i++)
        {
            await boards.Http.ExpectJsonAsync(HttpMethod.Post, "/api/participation/paper-answers", focalToken, [HttpStatusCode.Created],
                new { source = "service_day", trustBoard = 1 });
        }

        var warnings = await Eventually.Until(
            () => boards.Http.ExpectJsonAsync(HttpMethod.Get, $"/api/monitoring/warnings?municipality={Municipality}", analystToken, [HttpStatusCode.OK]),
            list => list.EnumerateArray().Any(w => w.GetProperty("rule").GetString() == "trust_dropping"),
            TimeSpan.FromSeconds(60), "the trust early warning");
        var warning = warnings.EnumerateArray().First(w => w.GetProperty("rule").GetString() == "trust_dropping");
        Assert.Contains(current, warning.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.Contains(previous, warning.GetProperty("evidence").GetString(), StringComparison.Ordinal);
    }

    private async Task<(decimal? Value, int Answers)> TrustAsync(string token, string quarter)
    {
        var quarters = await boards.Http.ExpectJsonAsync(HttpMethod.Get, $"/api/monitoring/municipalities/{Municipality}/pulse", token, [HttpStatusCode.OK]);
        foreach (var q in quarters.EnumerateArray().Where(q => q.GetProperty("quarter").GetString() == quarter))
        {
            var trust = q.GetProperty("trust");
            return (trust.GetProperty("value").ValueKind == JsonValueKind.Null ? null : trust.GetProperty("value").GetDecimal(),
                trust.GetProperty("answers").GetInt32());
        }

        return (null, 0);
    }
}
