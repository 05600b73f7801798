using MonitoringGrpc = Boards.Monitoring.Contracts.Grpc;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Needs versus offer across the whole system: a board's round is prioritized and closed through the gateway, a
/// referral the offer cannot take is rejected in Referrals, the rejection reaches Needs as an event, and Monitoring
/// shows the municipality's top gaps from the published analysis.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class NeedsGapFlowTests(BoardsAppFixture boards)
{
    private const string Municipality = "villa-franca";

    [Fact]
    public async Task A_closed_round_and_a_rejected_referral_reach_the_gap_analysis_and_monitoring()
    {
        var focal = await boards.Tokens.ForUser($"focal.{Municipality}");
        var analyst = await boards.Tokens.ForUser("analyst");
        var service = $"vivienda-{Guid.NewGuid().ToString("N")[..8]}";
        await SendAsync(HttpMethod.Post, $"/api/offer/{Municipality}/services", focal, HttpStatusCode.Created, new
        {
            code = service,
            name = "Mejoramiento de vivienda",
            program = "Che Tapỹi",
            institutionCode = "muvh",
            categories = new[] { "housing" },
            eligibilitySummary = "Familias con vivienda precaria y terreno propio.",
            channel = "office",
            monthlyCapacity = 2,
            capacityStatus = "available",
        });

        // The round: two needs, two members' ballots, closed with the version the focal point reviewed.
        var round = await SendAsync(HttpMethod.Post, "/api/needs/rounds", focal, HttpStatusCode.Created, new { municipalityCode = Municipality, period = "2026-S2" });
        var roundPath = $"/api/needs/rounds/{round.GetProperty("id").GetGuid()}";
        var housing = (await SendAsync(HttpMethod.Post, $"{roundPath}/needs", focal, HttpStatusCode.Created, Need("housing", 10, 4))).GetProperty("id").GetGuid();
        var water = (await SendAsync(HttpMethod.Post, $"{roundPath}/needs", focal, HttpStatusCode.Created, Need("water_sanitation", 30, 2))).GetProperty("id").GetGuid();
        // Ballots come only from voting members of the board's current roster (Needs asks Membership): one not on it is refused.
        var (ana, beto) = await TwoVotersAsync(focal);
        await SendAsync(HttpMethod.Put, $"{roundPath}/ballots/{Guid.NewGuid()}", focal, HttpStatusCode.BadRequest, new { memberName = "Inventada", ranking = new[] { housing, water } });
        await SendAsync(HttpMethod.Put, $"{roundPath}/ballots/{ana}", focal, HttpStatusCode.OK, new { ranking = new[] { housing, water } });
        await SendAsync(HttpMethod.Put, $"{roundPath}/ballots/{beto}", focal, HttpStatusCode.OK, new { ranking = new[] { water, housing } });
        var open = await SendAsync(HttpMethod.Get, roundPath, focal, HttpStatusCode.OK);
        var closed = await SendAsync(HttpMethod.Post, $"{roundPath}/close", focal, HttpStatusCode.OK, new { expectedVersion = open.GetProperty("version").GetInt32() });

        // Two needs: each ballot gives 1 point to its first place, so both have 1; the tie goes to people × severity,
        // water 30 × 2 = 60 before housing 10 × 4 = 40.
        var ranking = closed.GetProperty("ranking").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([water, housing], ranking.Select(i => i.GetProperty("needId").GetGuid()));
        Assert.Equal("people_x_severity", ranking[1].GetProperty("decidedBy").GetString());

        // Monitoring receives the analysis published at closing: housing 10 people, 2 places: 40 × 0.8 = 32 unmet.
        var byClosing = await GapsAsync(analyst, gaps => gaps?.Period == "2026-S2" && gaps.Top.Any(g => g.Category == "housing"));
        Assert.Equal(32, byClosing!.Top.Single(g => g.Category == "housing").UnmetDemand);

        // A referral for that service is rejected for lack of capacity; "vivienda" is not a category code, so Needs
        // counts it in the service's category.
        var request = Requests.NewReferral(Municipality, destination: "muvh");
        request.ServiceCode = service;
        request.NeedCategory = "vivienda";
        var referral = await boards.Referrals.CreateReferralAsync(request, BoardsAppFixture.Bearer(focal));
        await boards.Referrals.RejectReferralAsync(
            new RejectReferralRequest { Id = referral.Id, Reason = RejectionReason.NoCapacity, Note = "Sin cupos este mes" },
            BoardsAppFixture.Bearer(await boards.Tokens.ForUser("officer.muvh")));

        var live = await Eventually.Until(
            () => SendAsync(HttpMethod.Get, $"/api/needs/gap-analysis/{Municipality}", analyst, HttpStatusCode.OK),
            analysis => Housing(analysis).GetProperty("rejectedNoCapacity").GetInt32() == 1,
            what: "the rejection counted in the gap analysis");
        Assert.Equal(32 + 4, Housing(live).GetProperty("unmetDemand").GetInt32());

        await SendAsync(HttpMethod.Post, $"/api/needs/gap-analysis/{Municipality}", analyst, HttpStatusCode.Accepted);
        var onDemand = await GapsAsync(analyst, gaps => gaps?.Trigger == "on_demand");
        var top = onDemand!.Top.Single(g => g.Category == "housing");
        Assert.Equal((1, 36), (top.RejectedNoCapacity, top.UnmetDemand));
    }

    /// <summary>The board of the municipality (created if needed) with two new voting members; their ids.</summary>
    private async Task<(string Ana, string Beto)> TwoVotersAsync(string focal)
    {
        await boards.Http.ExpectJsonAsync(HttpMethod.Post, "/api/boards", await boards.Tokens.ForUser("admin"), [HttpStatusCode.Created, HttpStatusCode.Conflict], new
        {
            municipalityCode = Municipality, resolutionNumber = "Res. 5/2025", resolutionDate = "2025-03-01", chairName = "Intendencia municipal", chairRole = "mayor",
        });
        async Task<string> AddAsync(string name) =>
            (await SendAsync(HttpMethod.Post, $"/api/boards/{Municipality}/members", focal, HttpStatusCode.Created, new
            {
                personName = name, organization = "Comisión vecinal de " + name, sector = "civil_society_organization", gender = "female",
                ageBand = "adult", territory = new { area = "rural", locality = "Costa Rosado" }, designatedOn = "2026-01-05",
            })).GetProperty("member").GetProperty("id").GetString()!;
        return (await AddAsync($"Ana Benítez {Guid.NewGuid().ToString("N")[..4]}"), await AddAsync($"Beto Acosta {Guid.NewGuid().ToString("N")[..4]}"));
    }

    private static JsonElement Housing(JsonElement analysis) =>
        analysis.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("category").GetString() == "housing");

    private static object Need(string category, int people, int severity) => new
    {
        category,
        locality = "Compañía Costa Rosado",
        populationGroup = "elderly",
        peopleAffected = people,
        severity,
        evidenceSource = "survey",
    };

    private async Task<MonitoringGrpc.GapAnalysis?> GapsAsync(string token, Func<MonitoringGrpc.GapAnalysis?, bool> condition)
    {
        var summary = await Eventually.Until(
            () => boards.Monitoring.GetMunicipalityAsync(new MonitoringGrpc.GetMunicipalityRequest { Code = Municipality }, BoardsAppFixture.Bearer(token)).ResponseAsync,
            s => condition(s.Gaps),
            what: "the gaps in Monitoring");
        return summary.Gaps;
    }

    private Task<JsonElement> SendAsync(HttpMethod method, string path, string token, HttpStatusCode expected, object? body = null) =>
        boards.Http.ExpectJsonAsync(method, path, token, [expected], body);
}
