namespace Boards.Needs.Tests.Integration;

/// <summary>Helpers for needs assessment rounds over HTTP.</summary>
internal static class Rounds
{
    public const string Path = "/api/needs/rounds";

    public static Dictionary<string, object?> Need(string category, int people, int severity, string locality = "Barrio San José") => new()
    {
        ["category"] = category,
        ["locality"] = locality,
        ["populationGroup"] = "women_heads_of_household",
        ["peopleAffected"] = people,
        ["severity"] = severity,
        ["evidenceSource"] = "board_session",
        ["evidenceNotes"] = "Relevado en la sesión ordinaria de marzo.",
    };

    public static async Task<JsonElement> OpenAsync(HttpClient client, string municipality, string period = "2026-S2") =>
        await (await client.PostJsonAsync(Path, new { municipalityCode = municipality, period, title = "Diagnóstico participativo" }))
            .JsonAsync(HttpStatusCode.Created);

    public static async Task<Guid> AddNeedAsync(HttpClient client, Guid round, Dictionary<string, object?> need) =>
        (await (await client.PostJsonAsync($"{Path}/{round}/needs", need)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    public static async Task CastAsync(HttpClient client, Guid round, Guid member, string name, params Guid[] ranking) =>
        await (await client.PutJsonAsync($"{Path}/{round}/ballots/{member}", new { memberName = name, ranking })).JsonAsync(HttpStatusCode.OK);

    public static async Task<JsonElement> GetAsync(HttpClient client, Guid round) =>
        await (await client.GetAsync($"{Path}/{round}")).JsonAsync(HttpStatusCode.OK);
}
