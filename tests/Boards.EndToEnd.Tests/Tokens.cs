using System.Collections.Concurrent;
using System.Text.Json.Serialization;

namespace Boards.EndToEnd.Tests;

/// <summary>Real tokens from the identity provider: password grant for demo accounts, client credentials for integrators.</summary>
public sealed class Tokens(string realm) : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly ConcurrentDictionary<string, string> _cache = new();

    public Task<string> ForUser(string username) => Get($"user:{username}", new Dictionary<string, string>
    {
        ["grant_type"] = "password",
        ["client_id"] = "boards-cli",
        ["username"] = username,
        ["password"] = "demo",
        ["scope"] = "openid boards-api",
    });

    /// <summary>A new token, not the cached one: for when the account's roles have just changed.</summary>
    public async Task<string> FreshForUser(string username)
    {
        _cache.TryRemove($"user:{username}", out _);
        return await ForUser(username);
    }

    public Task<string> ForIntegrator() => Get("integrator-demo", new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = "integrator-demo",
        ["client_secret"] = "demo-secret",
        ["scope"] = "boards-api",
    });

    public void Dispose() => _http.Dispose();

    private async Task<string> Get(string key, Dictionary<string, string> form)
    {
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        using var response = await _http.PostAsync($"{realm}/protocol/openid-connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token for {key}: {(int)response.StatusCode} {body}");
        var token = System.Text.Json.JsonSerializer.Deserialize<TokenResponse>(body)!.AccessToken;
        _cache[key] = token;
        return token;
    }

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);
}
