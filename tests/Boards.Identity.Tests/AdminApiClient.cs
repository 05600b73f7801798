using System.Net.Http.Json;
using System.Text;

namespace Boards.Identity.Tests;

/// <summary>
/// Calls the Keycloak admin API subset the way Membership and Notifications will: bearer token of their service account.
/// </summary>
public sealed class AdminApiClient(HttpClient http, string? accessToken)
{
    public const string Base = "/admin/realms/boards";
    public const string MembershipClient = "boards-membership";
    public const string MembershipSecret = "membership-dev-secret";
    public const string NotificationsClient = "boards-notifications";
    public const string NotificationsSecret = "notifications-dev-secret";

    public static Task<AdminApiClient> ForMembershipAsync(HttpClient http) =>
        ForServiceAccountAsync(http, MembershipClient, MembershipSecret);

    public static Task<AdminApiClient> ForNotificationsAsync(HttpClient http) =>
        ForServiceAccountAsync(http, NotificationsClient, NotificationsSecret);

    public static async Task<AdminApiClient> ForServiceAccountAsync(HttpClient http, string clientId, string secret)
    {
        var tokens = await Protocol.ClientCredentialsAsync(http, secret, clientId);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        return new AdminApiClient(http, tokens.AccessToken);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? json = null, string? rawJson = null)
    {
        using var request = new HttpRequestMessage(method, path.StartsWith('/') ? path : $"{Base}/{path}");
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        if (rawJson is not null)
        {
            request.Content = new StringContent(rawJson, Encoding.UTF8, "application/json");
        }
        else if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }

        return await http.SendAsync(request);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>POST /users; returns the id from the Location header.</summary>
    public async Task<string> CreateUserAsync(object representation)
    {
        using var response = await SendAsync(HttpMethod.Post, "users", representation);
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"POST users: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var location = response.Headers.Location!.ToString();
        Assert.Contains($"{Base}/users/", location);
        return location[(location.LastIndexOf('/') + 1)..];
    }

    public async Task<string?> FindUserIdAsync(string username)
    {
        var users = await GetJsonAsync($"users?username={Uri.EscapeDataString(username)}&exact=true");
        return users.GetArrayLength() == 0 ? null : users[0].GetProperty("id").GetString();
    }

    public async Task ExpectNoContentAsync(HttpMethod method, string path, object body)
    {
        using var response = await SendAsync(method, path, body);
        Assert.True(response.StatusCode == HttpStatusCode.NoContent,
            $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>As Membership will do it: read the role (for its id), then map it.</summary>
    public async Task GrantRealmRoleAsync(string userId, string role) =>
        await ExpectNoContentAsync(HttpMethod.Post, $"users/{userId}/role-mappings/realm", new[] { await GetJsonAsync($"roles/{role}") });

    public async Task RevokeRealmRoleAsync(string userId, string role) =>
        await ExpectNoContentAsync(HttpMethod.Delete, $"users/{userId}/role-mappings/realm", new[] { await GetJsonAsync($"roles/{role}") });

    public Task SetAttributesAsync(string userId, object attributes) =>
        ExpectNoContentAsync(HttpMethod.Put, $"users/{userId}", new { attributes });
}
