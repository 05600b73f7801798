namespace Boards.EndToEnd.Tests;

/// <summary>
/// The identity provider's Keycloak admin API, as Membership's client (boards-membership, its Development secret):
/// people the demo catalog does not have, such as an account without any Boards role or one that is then disabled.
/// </summary>
public sealed class IdentityAdmin(HttpClient http)
{
    private static readonly string Realm = $"http://localhost:{BoardsAppFixture.IdentityPort}/realms/boards";
    private static readonly string Admin = $"http://localhost:{BoardsAppFixture.IdentityPort}/admin/realms/boards";

    /// <summary>Creates (or finds) the user, with these attributes and realm roles; returns its id.</summary>
    public Task<string> EnsureUserAsync(string username, IReadOnlyDictionary<string, string[]> attributes, params string[] roles) =>
        EnsureUserAsync(username, null, attributes, roles);

    /// <summary>Creates (or finds) the user with an e-mail address (Notifications' recipients), attributes and realm roles.</summary>
    public async Task<string> EnsureUserAsync(string username, string? email, IReadOnlyDictionary<string, string[]> attributes, params string[] roles)
    {
        var token = await TokenAsync();
        object body = email is null
            ? new { username, enabled = true, firstName = username, attributes }
            : new { username, enabled = true, firstName = username, email, attributes };
        using (var create = await SendAsync(HttpMethod.Post, "users", token, body))
        {
            Assert.True(create.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"crear {username}: {(int)create.StatusCode}");
        }

        using var found = await SendAsync(HttpMethod.Get, $"users?username={username}&exact=true", token, null);
        var id = (await found.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetString()!;
        foreach (var role in roles)
        {
            using var roleResponse = await SendAsync(HttpMethod.Get, $"roles/{role}", token, null);
            var representation = await roleResponse.Content.ReadFromJsonAsync<JsonElement>();
            using var mapped = await SendAsync(HttpMethod.Post, $"users/{id}/role-mappings/realm", token, new[] { representation });
            Assert.True(mapped.IsSuccessStatusCode, $"rol {role} para {username}: {(int)mapped.StatusCode}");
        }

        return id;
    }

    public async Task DisableAsync(string id)
    {
        using var response = await SendAsync(HttpMethod.Put, $"users/{id}", await TokenAsync(), new { enabled = false });
        Assert.True(response.IsSuccessStatusCode, $"deshabilitar: {(int)response.StatusCode}");
    }

    /// <summary>The password grant's answer for a user (demo password): the status and the body.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PasswordGrantAsync(string username)
    {
        using var response = await http.PostAsync($"{Realm}/protocol/openid-connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "boards-cli", ["username"] = username, ["password"] = "demo", ["scope"] = "openid boards-api",
        }));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private async Task<string> TokenAsync()
    {
        using var response = await http.PostAsync($"{Realm}/protocol/openid-connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "boards-membership", ["client_secret"] = "membership-dev-secret",
        }));
        Assert.True(response.IsSuccessStatusCode, $"token de administración: {(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body)
    {
        using var request = new HttpRequestMessage(method, $"{Admin}/{path}") { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }
}
