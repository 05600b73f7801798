using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Boards.ServiceDefaults;

/// <summary>
/// Secrets whose values ship with Boards (code defaults, appsettings.Development.json, the AppHost, the old realm
/// export): anyone who reads the repository knows them. They are for Development only; anywhere else a service refuses
/// to start while one of them is configured, or while a required secret is missing, and names the setting
/// (docs/security.md, "Shipped secrets").
/// </summary>
public static class ShippedSecrets
{
    public static readonly IReadOnlySet<string> Values = new HashSet<string>(StringComparer.Ordinal)
    {
        "demo-secret",
        "membership-dev-secret",
        "notifications-dev-secret",
        "development-only-person-key-secret",
        "development-only-service-days-person-key-secret",
    };

    public static bool IsShipped(string? value) => value is not null && Values.Contains(value.Trim());

    /// <summary>
    /// The secret at <paramref name="setting"/>: outside Development it must be configured and not a shipped value; in
    /// Development a missing one is <paramref name="developmentDefault"/>.
    /// </summary>
    public static string Require(IConfiguration configuration, IHostEnvironment environment, string setting, string developmentDefault)
    {
        var configured = configuration[setting];
        if (environment.IsDevelopment())
        {
            return configured is { Length: > 0 } ? configured : developmentDefault;
        }

        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException(
                $"Falta el secreto {setting}: fuera de Development configure un valor propio, largo y aleatorio (docs/configuration.md).");
        }

        RefuseShipped(environment, setting, configured);
        return configured;
    }

    /// <summary>An optional secret: outside Development it may be absent, but never a shipped value.</summary>
    public static void RefuseShipped(IHostEnvironment environment, string setting, string? value)
    {
        if (!environment.IsDevelopment() && IsShipped(value))
        {
            throw new InvalidOperationException(
                $"{setting} tiene el valor de ejemplo que se publica con Boards: cualquiera lo conoce. Fuera de Development configure un " +
                "secreto propio, largo y aleatorio (docs/security.md).");
        }
    }
}
