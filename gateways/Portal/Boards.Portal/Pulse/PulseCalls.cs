namespace Boards.Portal.Pulse;

/// <summary>Participation with the person's token (<c>/api/participation</c>).</summary>
public static class PulseCalls
{
    public static Task<ApiResult<IssuedSlipsView>> IssueSlipsAsync(this BoardsApi api, SlipForm form, CancellationToken ct = default) =>
        api.SendAsync<IssuedSlipsView>(HttpMethod.Post, "api/participation/slips",
            new { municipalityCode = form.Municipality, source = form.Source, ageBand = form.AgeBand, count = form.Count ?? 1 }, ct);
}

/// <summary>Monitoring's pulse indices (<c>/api/monitoring/…/pulse</c>).</summary>
public static class PulseIndexCalls
{
    public static Task<ApiResult<List<PulseIndicesView>>> MunicipalityPulseAsync(this BoardsApi api, string code, CancellationToken ct = default) =>
        api.SendAsync<List<PulseIndicesView>>(HttpMethod.Get, $"api/monitoring/municipalities/{Uri.EscapeDataString(code)}/pulse", null, ct);

    public static Task<ApiResult<NationalPulseView>> NationalPulseAsync(this BoardsApi api, CancellationToken ct = default) =>
        api.SendAsync<NationalPulseView>(HttpMethod.Get, "api/monitoring/pulse", null, ct);
}
