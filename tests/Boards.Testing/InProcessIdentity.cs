extern alias identity;

using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using Boards.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using IdentityProgram = identity::Program;

namespace Boards.Testing;

/// <summary>
/// Our identity provider (services/Identity) in-process on its own database in the REAL PostgreSQL. A caller of a
/// given role and municipality becomes a user created through the provider's Keycloak Admin API (as Membership's
/// identity link does), and its token comes from the password grant: the service under test validates real tokens.
/// </summary>
public sealed class InProcessIdentity(string databaseName, IReadOnlyDictionary<string, string>? settings = null) : IAsyncDisposable
{
    public const string Issuer = "http://localhost:5070/realms/boards";

    private readonly string _keysPath = Path.Combine(Path.GetTempPath(), "boards-identity-keys-" + databaseName);
    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private WebApplicationFactory<IdentityProgram>? _factory;

    private WebApplicationFactory<IdentityProgram> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    /// <summary>What the tested service's JWT handler uses to fetch discovery and keys.</summary>
    public HttpMessageHandler Handler() => Factory.Server.CreateHandler();

    /// <summary>An HTTP client of the provider itself (token endpoint, admin API), for tests that speak the protocol.</summary>
    public HttpClient Client() => Factory.CreateClient();

    public void Start()
    {
        var connectionString = TestPostgres.ConnectionString(databaseName);
        _factory = new WebApplicationFactory<IdentityProgram>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:identitydb", connectionString);
            web.UseSetting("Identity:Issuer", Issuer);
            web.UseSetting("Identity:KeysPath", _keysPath);
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                web.UseSetting(key, value);
            }
        });
        _ = _factory.Server; // migrations and seeding
    }

    /// <summary>A token for a user with these realm roles (and municipality attribute), created on first use.</summary>
    public Task<string> TokenAsync(string? municipality, string[] roles) =>
        roles is [BoardsRoles.Integrator]
            ? Cached("integrator-demo", () => PostTokenAsync(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = "integrator-demo", ["client_secret"] = "demo-secret", ["scope"] = "boards-api",
            }))
            : Cached($"t-{string.Join('-', roles)}-{municipality ?? "todas"}", username => UserTokenAsync(username, municipality, roles));

    /// <summary>
    /// A token for an institution officer of <paramref name="institution"/> who serves in <paramref name="municipalities"/>
    /// (attributes <c>institution</c> and <c>municipalities</c>; none: serves nowhere), created on first use.
    /// </summary>
    public Task<string> OfficerTokenAsync(string institution, params string[] municipalities) =>
        Cached($"o-{institution}-{(municipalities.Length == 0 ? "ninguno" : string.Join('.', municipalities))}", username =>
            UserTokenAsync(username, null, [BoardsRoles.InstitutionOfficer],
                new Dictionary<string, string[]> { ["institution"] = [institution], ["municipalities"] = municipalities }));

    /// <summary>
    /// A token for a person made to measure (Notifications' tests): these roles and attributes, and an e-mail address
    /// or none, created on first use.
    /// </summary>
    public Task<string> PersonTokenAsync(string username, string[] roles, IReadOnlyDictionary<string, string[]> attributes, string? email) =>
        Cached($"p-{username}", async () =>
        {
            using var client = Factory.CreateClient();
            await new IdentityAdminClient(client).EnsureUserAsync(username, attributes, roles, email);
            return await PasswordTokenAsync(username);
        });

    /// <summary>
    /// A token for a user the provider seeds itself in Development (officer.mspbs, …, with the institution attribute that
    /// the users made here do not carry), by the password grant as for the others.
    /// </summary>
    public Task<string> SeededUserTokenAsync(string username) => Cached($"seeded-{username}", () => PasswordTokenAsync(username));

    private async Task<string> Cached(string key, Func<string, Task<string>> issue)
    {
        if (_tokens.TryGetValue(key, out var token))
        {
            return token;
        }

        return _tokens[key] = await issue(key);
    }

    private Task<string> Cached(string key, Func<Task<string>> issue) => Cached(key, _ => issue());

    private async Task<string> UserTokenAsync(
        string username, string? municipality, string[] roles, IReadOnlyDictionary<string, string[]>? attributes = null)
    {
        var all = new Dictionary<string, string[]>(attributes ?? new Dictionary<string, string[]>());
        if (municipality is not null)
        {
            all["municipality"] = [municipality];
        }

        using var client = Factory.CreateClient();
        await new IdentityAdminClient(client).EnsureUserAsync(username, all, roles);
        return await PasswordTokenAsync(username);
    }

    private Task<string> PasswordTokenAsync(string username) => PostTokenAsync(new Dictionary<string, string>
    {
        ["grant_type"] = "password", ["client_id"] = "boards-cli", ["username"] = username, ["password"] = "demo", ["scope"] = "openid boards-api",
    });

    private async Task<string> PostTokenAsync(Dictionary<string, string> form)
    {
        using var client = Factory.CreateClient();
        using var response = await client.PostAsync("/realms/boards/protocol/openid-connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"token: {(int)response.StatusCode} {body}");
        }

        return System.Text.Json.JsonSerializer.Deserialize<TokenResponse>(body)!.AccessToken;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (Directory.Exists(_keysPath))
        {
            Directory.Delete(_keysPath, recursive: true);
        }
    }

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);
}
