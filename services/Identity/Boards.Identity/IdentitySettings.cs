using Boards.ServiceDefaults;

namespace Boards.Identity;

/// <summary>The <c>Identity</c> configuration section, read once at start-up.</summary>
public sealed record IdentitySettings
{
    public const string SectionName = "Identity";
    public const string DefaultIssuer = "http://localhost:5070/realms/boards";

    public required Uri Issuer { get; init; }
    public required string KeysPath { get; init; }

    /// <summary>
    /// Whether missing keys are made at start (<c>Identity:Keys:CreateIfMissing</c>): in Development by default. Elsewhere
    /// the keys come from a mounted secret, so that no replica signs with a key of its own.
    /// </summary>
    public required bool CreateMissingKeys { get; init; }
    public required string ReferenceDataPath { get; init; }
    public required string DemoPassword { get; init; }

    /// <summary>How long an access token lasts (<c>Identity:AccessTokenLifetime</c>, default 30 minutes, Keycloak's accessTokenLifespan).</summary>
    public required TimeSpan AccessTokenLifetime { get; init; }
    public required IReadOnlyList<Uri> PortalRedirectUris { get; init; }
    public required IReadOnlyList<Uri> PortalPostLogoutRedirectUris { get; init; }
    /// <summary>
    /// Secret of <c>integrator-demo</c>; null (no such client) outside Development, even when one is configured: a
    /// demonstration client never exists there. Real integrators are registered through Membership (docs/integrators.md).
    /// </summary>
    public required string? IntegratorDemoSecret { get; init; }
    public required string IntegratorDemoInstitution { get; init; }

    /// <summary>Secret of <c>boards-membership</c>; null (no such client) outside Development unless configured.</summary>
    public required string? MembershipSecret { get; init; }

    /// <summary>Secret of <c>boards-notifications</c>; null (no such client) outside Development unless configured.</summary>
    public required string? NotificationsSecret { get; init; }

    public static IdentitySettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(SectionName);
        var issuer = (section["Issuer"] ?? DefaultIssuer).TrimEnd('/');
        if (!Uri.TryCreate(issuer, UriKind.Absolute, out var issuerUri))
        {
            throw new InvalidOperationException($"Identity:Issuer debe ser una URI absoluta; se recibió '{issuer}'.");
        }

        return new IdentitySettings
        {
            Issuer = issuerUri,
            KeysPath = section["KeysPath"] is { Length: > 0 } keysPath
                ? Path.GetFullPath(keysPath, environment.ContentRootPath)
                : DefaultKeysPath(environment.ContentRootPath),
            CreateMissingKeys = section.GetValue("Keys:CreateIfMissing", environment.IsDevelopment()),
            ReferenceDataPath = section["ReferenceDataPath"] is { Length: > 0 } dataPath
                ? Path.GetFullPath(dataPath, environment.ContentRootPath)
                : Path.Combine(AppContext.BaseDirectory, "Seed"),
            DemoPassword = section["DemoPassword"] is { Length: > 0 } password ? password : "demo",
            AccessTokenLifetime = section.GetValue("AccessTokenLifetime", TimeSpan.FromMinutes(30)),
            PortalRedirectUris = Uris(section.GetSection("Portal:RedirectUris"), "http://localhost:5090/signin-oidc"),
            PortalPostLogoutRedirectUris = Uris(
                section.GetSection("Portal:PostLogoutRedirectUris"), "http://localhost:5090/signout-callback-oidc"),
            IntegratorDemoSecret = DevelopmentOnly(environment, Secret(section, environment, "Clients:IntegratorDemo:Secret", "demo-secret")),
            IntegratorDemoInstitution = section["Clients:IntegratorDemo:Institution"] is { Length: > 0 } institution
                ? institution
                : "mspbs",
            // This client may change anyone's roles: a well-known default secret is only acceptable in Development.
            MembershipSecret = Secret(section, environment, "Clients:Membership:Secret", "membership-dev-secret"),
            // This client reads everyone's e-mail address and attributes: the same rule.
            NotificationsSecret = Secret(section, environment, "Clients:Notifications:Secret", "notifications-dev-secret"),
        };
    }

    /// <summary>A client's secret: the shipped default in Development; outside it, only a configured one that is not shipped.</summary>
    private static string? Secret(IConfigurationSection section, IHostEnvironment environment, string key, string developmentDefault)
    {
        var configured = section[key] is { Length: > 0 } value ? value : null;
        ShippedSecrets.RefuseShipped(environment, $"{SectionName}:{key}", configured);
        return configured ?? (environment.IsDevelopment() ? developmentDefault : null);
    }

    private static string? DevelopmentOnly(IHostEnvironment environment, string? secret) => environment.IsDevelopment() ? secret : null;

    // Arrays are read by hand: the binder would append configured values to a default list instead of replacing it.
    private static Uri[] Uris(IConfigurationSection section, string fallback)
    {
        var values = section.Get<string[]>() is { Length: > 0 } configured ? configured : [fallback];
        return [.. values.Select(value => new Uri(value, UriKind.Absolute))];
    }

    /// <summary><c>.data/identity</c> in the repository when the service runs from it, otherwise a temp folder.</summary>
    private static string DefaultKeysPath(string contentRoot)
    {
        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Boards.sln")))
            {
                return Path.Combine(directory.FullName, ".data", "identity");
            }
        }

        return Path.Combine(Path.GetTempPath(), "boards-identity");
    }
}
