namespace Boards.Planning.Tests.Integration;

/// <summary>Building plans through the REST API, as a focal point would.</summary>
internal static class Plans
{
    public static Dictionary<string, object?> Action(Guid objectiveId, string title, decimal? weight = null, string endsOn = "2099-12-31") => new()
    {
        ["objectiveId"] = objectiveId,
        ["title"] = title,
        ["horizon"] = "short_term",
        ["responsibleInstitution"] = "mds",
        ["startsOn"] = "2026-03-01",
        ["endsOn"] = endsOn,
        ["budget"] = 15_000_000,
        ["weight"] = weight,
        ["indicators"] = new[] { new { name = "Familias inscriptas", unit = "familias", baseline = 0, target = 120 } },
    };

    public static async Task<Guid> CreateAsync(this HttpClient client, string municipality, int year = 2026) =>
        (await (await client.PostJsonAsync("/api/plans", new { municipalityCode = municipality, year })).JsonAsync(HttpStatusCode.Created)).Id();

    public static async Task<Guid> AddObjectiveAsync(this HttpClient client, Guid planId, string title, decimal? weight = null, params Guid[] needIds)
    {
        var plan = await (await client.PostJsonAsync($"/api/plans/{planId}/objectives", new { title, weight, needIds })).JsonAsync(HttpStatusCode.Created);
        return plan.GetProperty("objectives").EnumerateArray().Last().Id();
    }

    public static async Task<JsonElement> AddActionAsync(this HttpClient client, Guid planId, Guid objectiveId, string title, decimal? weight = null, string endsOn = "2099-12-31") =>
        await (await client.PostJsonAsync($"/api/plans/{planId}/actions", Action(objectiveId, title, weight, endsOn))).JsonAsync(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> ReportAsync(this HttpClient client, Guid planId, JsonElement action, string status, decimal? progress = null, string? reason = null) =>
        client.PostJsonAsync($"/api/plans/{planId}/actions/{action.Id()}/progress",
            new { expectedVersion = action.Long("version"), status, progress, reason });

    public static async Task<JsonElement> ReportOkAsync(this HttpClient client, Guid planId, JsonElement action, string status, decimal? progress = null, string? reason = null) =>
        (await (await client.ReportAsync(planId, action, status, progress, reason)).JsonAsync(HttpStatusCode.OK)).GetProperty("action");

    public static async Task<JsonElement> GetAsync(this HttpClient client, Guid planId) =>
        await (await client.GetAsync($"/api/plans/{planId}")).JsonAsync(HttpStatusCode.OK);

    public static JsonElement Objective(this JsonElement plan, Guid objectiveId) =>
        plan.GetProperty("objectives").EnumerateArray().Single(o => o.Id() == objectiveId);

    public static async Task<JsonElement> ApproveAsync(this HttpClient client, Guid planId, Guid sessionId, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var plan = await client.GetAsync(planId);
        return await (await client.PostJsonAsync($"/api/plans/{planId}/approve", new { sessionId, expectedRevision = plan.Long("revision") })).JsonAsync(expected);
    }
}
