namespace Boards.Portal.Integrators;

/// <summary>Membership's integrator clients API through the gateway, with the ministry admin's own token.</summary>
public static class IntegratorCalls
{
    public const string Path = "api/integrator-clients";

    public static Task<ApiResult<List<IntegratorClientView>>> IntegratorClientsAsync(this BoardsApi api, CancellationToken ct = default) =>
        api.SendAsync<List<IntegratorClientView>>(HttpMethod.Get, Path, null, ct);

    public static Task<ApiResult<IntegratorClientView>> IntegratorClientAsync(this BoardsApi api, string clientId, CancellationToken ct = default) =>
        api.SendAsync<IntegratorClientView>(HttpMethod.Get, $"{Path}/{Uri.EscapeDataString(clientId)}", null, ct);

    public static Task<ApiResult<IntegratorClientCreatedView>> RegisterIntegratorClientAsync(this BoardsApi api, object body, CancellationToken ct = default) =>
        api.SendAsync<IntegratorClientCreatedView>(HttpMethod.Post, Path, body, ct);

    public static Task<ApiResult<IntegratorSecretView>> RotateIntegratorSecretAsync(this BoardsApi api, string clientId, CancellationToken ct = default) =>
        api.SendAsync<IntegratorSecretView>(HttpMethod.Post, $"{Path}/{Uri.EscapeDataString(clientId)}/secret", new { }, ct);

    public static Task<ApiResult<IntegratorClientView>> RevokeIntegratorClientAsync(this BoardsApi api, string clientId, string? reason, CancellationToken ct = default) =>
        api.SendAsync<IntegratorClientView>(HttpMethod.Post, $"{Path}/{Uri.EscapeDataString(clientId)}/revoke", new { reason }, ct);
}
