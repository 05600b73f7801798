namespace Boards.Portal.Pulse;

/// <summary>Participation with the person's token (<c>/api/participation</c>).</summary>
public static class PulseCalls
{
    public static Task<ApiResult<IssuedSlipsView>> IssueSlipsAsync(this BoardsApi api, SlipForm form, CancellationToken ct = default) =>
        api.SendAsync<IssuedSlipsView>(HttpMethod.Post, "api/participation/slips",
            new { municipalityCode = form.Municipality, source = form.Source, ageBand = form.AgeBand, count = form.Count ?? 1 }, ct);
}
