using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Boards.Identity.Tests;

/// <summary>
/// The identity provider in-process, in a given environment, on its own fresh database in the REAL PostgreSQL and its
/// own key folder; both are removed at the end unless another host shares them.
/// </summary>
public class IdentityHost : IAsyncLifetime
{
    public const string Issuer = "http://localhost:5070/realms/boards";
    public const string PortalRedirectUri = "http://localhost:5090/signin-oidc";
    public const string PortalPostLogoutRedirectUri = "http://localhost:5090/signout-callback-oidc";

    private readonly string _environment;
    private readonly bool _ownsStorage;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private WebApplicationFactory<Program>? _factory;

    public IdentityHost(string environment, IReadOnlyDictionary<string, string>? settings = null)
        : this(environment, "identity_test_" + Guid.NewGuid().ToString("N")[..12], NewKeysPath(), ownsStorage: true, settings)
    {
    }

    private IdentityHost(string environment, string databaseName, string keysPath, bool ownsStorage, IReadOnlyDictionary<string, string>? settings = null)
    {
        _environment = environment;
        _settings = settings ?? new Dictionary<string, string>();
        DatabaseName = databaseName;
        KeysPath = keysPath;
        _ownsStorage = ownsStorage;
    }

    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("BOARDS_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=56432;Username=postgres";

    public string DatabaseName { get; }
    public string KeysPath { get; }

    /// <summary>Production requires HTTPS; the in-memory test server takes the scheme from the client's address.</summary>
    public Uri BaseAddress => new(_environment == "Production" ? "https://localhost" : "http://localhost");

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    /// <summary>Another start of the same service: same database and keys, as after a restart.</summary>
    public IdentityHost Restarted() => new(_environment, DatabaseName, KeysPath, ownsStorage: false, _settings);

    public HttpClient CreateClient(bool followRedirects = false) =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = BaseAddress,
            AllowAutoRedirect = followRedirects,
            HandleCookies = true,
        });

    public async Task InitializeAsync()
    {
        if (_ownsStorage)
        {
            await ExecuteOnServerAsync($"CREATE DATABASE \"{DatabaseName}\"");
        }

        var connectionString =
            new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = DatabaseName }.ConnectionString;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(_environment);
            web.UseSetting("ConnectionStrings:identitydb", connectionString);
            web.UseSetting("Identity:Issuer", Issuer);
            web.UseSetting("Identity:KeysPath", KeysPath);
            // Each test host has its own fresh key folder; a test of the mounted-secret rule sets this to false.
            web.UseSetting("Identity:Keys:CreateIfMissing", "true");
            foreach (var (key, value) in _settings)
            {
                web.UseSetting(key, value);
            }
        });
        _ = _factory.Server; // starts the host: migrations and seeding
    }

    /// <summary>Stops the service, keeping its database and keys.</summary>
    public async Task StopAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            _factory = null;
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        if (_ownsStorage)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)");
            if (Directory.Exists(KeysPath))
            {
                Directory.Delete(KeysPath, recursive: true);
            }
        }
    }

    private static string NewKeysPath() =>
        Path.Combine(Path.GetTempPath(), "boards-identity-tests", Guid.NewGuid().ToString("N"));

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

public sealed class DevelopmentIdentity() : IdentityHost("Development");

/// <summary>
/// Production with Membership's secret of its own (the shipped one would stop the start), so that integrator clients
/// can be registered; and a secret configured for integrator-demo, which must not bring that client to life.
/// </summary>
public sealed class ProductionIdentity() : IdentityHost("Production", new Dictionary<string, string>
{
    ["Identity:Clients:IntegratorDemo:Secret"] = ProductionIntegratorSecret,
    ["Identity:Clients:Membership:Secret"] = ProductionMembershipSecret,
})
{
    public const string ProductionIntegratorSecret = "un-secreto-propio-de-la-prueba-5f1c9e";
    public const string ProductionMembershipSecret = "secreto-propio-de-membership-8a2d47";
}

/// <summary>Development with a quick brute-force lock: three failures lock for two seconds, doubling up to four.</summary>
public sealed class BruteForceIdentity() : IdentityHost("Development", new Dictionary<string, string>
{
    ["Identity:BruteForce:FailureFactor"] = "3",
    ["Identity:BruteForce:WaitIncrement"] = "00:00:02",
    ["Identity:BruteForce:MaxWait"] = "00:00:04",
});

/// <summary>Development with a sign-in rate limit of three requests at once, then one a second.</summary>
public sealed class RateLimitedIdentity() : IdentityHost("Development", new Dictionary<string, string>
{
    ["Identity:RateLimit:Burst"] = "3",
    ["Identity:RateLimit:PermitsPerSecond"] = "1",
});
