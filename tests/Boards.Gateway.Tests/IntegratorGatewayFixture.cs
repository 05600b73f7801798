using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Boards.ServiceDefaults.Authentication;
using Boards.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Gateway.Tests;

/// <summary>
/// Our identity provider in-process on its own database in the REAL PostgreSQL (real tokens: integrator-demo, clients
/// registered through its admin API as Membership registers them, and people), the stubs behind the gateway, and
/// gateways validating those tokens with settings of each test's choosing.
/// </summary>
public sealed class IntegratorGatewayFixture : IAsyncLifetime
{
    private readonly string _database = "gateway_identity_test_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<GatewayHost> _gateways = [];

    public InProcessIdentity Identity { get; private set; } = null!;
    public IntegratorStubs Stubs { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await TestPostgres.CreateDatabaseAsync(_database);
        Identity = new InProcessIdentity(_database);
        Identity.Start();
        Stubs = await IntegratorStubs.StartAsync();
    }

    /// <summary>A gateway whose services all answer at the stub, Membership where <paramref name="membership"/> says.</summary>
    public GatewayHost Gateway(IReadOnlyDictionary<string, string>? settings = null, string? membership = null)
    {
        var all = new Dictionary<string, string>
        {
            ["Identity:Authority"] = InProcessIdentity.Issuer,
            ["Identity:Issuer"] = InProcessIdentity.Issuer,
            ["services:membership:http:0"] = membership ?? Stubs.MembershipAddress,
            // A budget no test here reaches, but for the rate limit tests that set their own.
            ["Gateway:RateLimit:Burst"] = "1000",
            ["Gateway:RateLimit:PermitsPerSecond"] = "1000",
        };
        foreach (var service in new[] { "referrals", "planning", "needs", "servicedays", "monitoring", "notifications" })
        {
            all[$"services:{service}:http:0"] = Stubs.ServiceAddress;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var handler = Identity.Handler();
        var gateway = new GatewayHost(all, services => services.Configure<JwtBearerOptions>(
            JwtBearerDefaults.AuthenticationScheme, options => options.BackchannelHttpHandler = handler));
        _gateways.Add(gateway);
        return gateway;
    }

    public static HttpClient Client(GatewayHost gateway, string token)
    {
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Registers a client as Membership does (POST /clients, the integrator role for its service account, its secret) and
    /// returns its client id and a token.
    /// </summary>
    public async Task<(string ClientId, string Token)> IntegratorAsync(int? rateLimit, params string[] areas)
    {
        using var http = Identity.Client();
        var admin = await TokenAsync(http, "boards-membership", "membership-dev-secret");
        var clientId = "int-prueba-" + Guid.NewGuid().ToString("N")[..8];
        var mappers = new List<object> { Mapper("institution", "mspbs", "String") };
        if (rateLimit is { } rate)
        {
            mappers.Add(Mapper("rate_limit", rate.ToString(System.Globalization.CultureInfo.InvariantCulture), "int"));
        }

        using var created = await SendAsync(http, admin, HttpMethod.Post, "clients", new
        {
            clientId,
            serviceAccountsEnabled = true,
            publicClient = false,
            standardFlowEnabled = false,
            directAccessGrantsEnabled = false,
            defaultClientScopes = new[] { "basic", "roles", "boards-api" }.Concat(areas.Select(area => "boards-" + area)).ToArray(),
            protocolMappers = mappers,
        });
        created.EnsureSuccessStatusCode();
        var id = created.Headers.Location!.Segments[^1];
        var account = await GetAsync(http, admin, $"clients/{id}/service-account-user");
        var role = await GetAsync(http, admin, "roles/integrator");
        (await SendAsync(http, admin, HttpMethod.Post, $"users/{account.GetProperty("id").GetString()}/role-mappings/realm", new[] { role })).EnsureSuccessStatusCode();
        var secret = (await GetAsync(http, admin, $"clients/{id}/client-secret")).GetProperty("value").GetString()!;
        return (clientId, await TokenAsync(http, clientId, secret));
    }

    public Task<string> DemoIntegratorTokenAsync() => Identity.TokenAsync(null, [BoardsRoles.Integrator]);

    public Task<string> FocalPointTokenAsync() => Identity.TokenAsync("alto-vera", [BoardsRoles.FocalPoint]);

    private static object Mapper(string claim, string value, string type) => new
    {
        name = claim,
        protocolMapper = "oidc-hardcoded-claim-mapper",
        config = new Dictionary<string, string>
        {
            ["claim.name"] = claim, ["claim.value"] = value, ["jsonType.label"] = type, ["access.token.claim"] = "true",
        },
    };

    private static async Task<string> TokenAsync(HttpClient http, string clientId, string secret)
    {
        using var response = await http.PostAsync("/realms/boards/protocol/openid-connect/token", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string token, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, "/admin/realms/boards/" + path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string token, string path)
    {
        using var response = await SendAsync(http, token, HttpMethod.Get, path, null);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            await gateway.DisposeAsync();
        }

        await Stubs.DisposeAsync();
        await Identity.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
        await TestPostgres.DropDatabaseAsync(_database);
    }
}
