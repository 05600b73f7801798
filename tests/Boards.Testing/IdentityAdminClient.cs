using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Boards.Testing;

/// <summary>
/// The in-process identity provider's Keycloak admin API, called as Membership's service account (boards-membership,
/// its Development secret): just enough to give a test user its attributes and realm roles. Membership's own client
/// (Features/IdentityLink/IdentityProvider) is not referenced here: every service has a top-level Program.
/// </summary>
internal sealed class IdentityAdminClient(HttpClient http)
{
    private const string Admin = "/admin/realms/boards/";

    /// <summary>
    /// Creates the user (or finds it), sets these attributes when there are any (an attribute without values is left
    /// out, as the provider does) and maps these realm roles to it. An e-mail address is given when the user is created.
    /// </summary>
    public async Task EnsureUserAsync(string username, IReadOnlyDictionary<string, string[]> attributes, IReadOnlyList<string> roles, string? email = null)
    {
        var token = await TokenAsync();
        using (var created = await SendAsync(HttpMethod.Post, "users", token, email is null ? new { username, enabled = true } : new { username, enabled = true, email }))
        {
            if (created.StatusCode != HttpStatusCode.Conflict)
            {
                await EnsureSuccessAsync(created, $"crear el usuario {username}");
            }
        }

        using var found = await SendAsync(HttpMethod.Get, $"users?username={Uri.EscapeDataString(username)}&exact=true", token, null);
        await EnsureSuccessAsync(found, $"buscar el usuario {username}");
        var id = (await found.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetString()!;
        if (attributes.Count > 0)
        {
            using var updated = await SendAsync(HttpMethod.Put, $"users/{id}", token, new { attributes });
            await EnsureSuccessAsync(updated, $"dar atributos a {username}");
        }

        foreach (var role in roles)
        {
            using var read = await SendAsync(HttpMethod.Get, $"roles/{Uri.EscapeDataString(role)}", token, null);
            await EnsureSuccessAsync(read, $"leer el rol {role}");
            var representation = await read.Content.ReadFromJsonAsync<JsonElement>();
            using var mapped = await SendAsync(HttpMethod.Post, $"users/{id}/role-mappings/realm", token, new[] { representation });
            await EnsureSuccessAsync(mapped, $"dar el rol {role} a {username}");
        }
    }

    private async Task<string> TokenAsync()
    {
        using var response = await http.PostAsync("/realms/boards/protocol/openid-connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "boards-membership", ["client_secret"] = "membership-dev-secret",
        }));
        await EnsureSuccessAsync(response, "token de administración");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body)
    {
        using var request = new HttpRequestMessage(method, Admin + path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string action)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
