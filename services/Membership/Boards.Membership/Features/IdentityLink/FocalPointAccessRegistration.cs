using Boards.Membership.Features.IdentityLink.IdentityProvider;
using Boards.ServiceDefaults;

namespace Boards.Membership.Features.IdentityLink;

public static class FocalPointAccessRegistration
{
    public const string HttpClientName = "identity-admin";
    public const string DefaultReceiveEndpoint = "membership-identity-link";

    /// <summary>
    /// The Keycloak admin client when Membership:IdentityLink:ClientSecret is set (service account
    /// Membership:IdentityLink:ClientId, default boards-membership, against Identity:Authority); otherwise grants are
    /// recorded as failed with the reason.
    /// </summary>
    public static IServiceCollection AddFocalPointAccess(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddScoped<FocalPointAccessRecorder>();
        services.AddScoped<AccountLinkRule>();
        var link = configuration.GetSection("Membership:IdentityLink");
        var secret = link["ClientSecret"];
        ShippedSecrets.RefuseShipped(environment, "Membership:IdentityLink:ClientSecret", secret);
        if (string.IsNullOrWhiteSpace(secret))
        {
            services.AddSingleton<IFocalPointAccess, UnconfiguredFocalPointAccess>();
            services.AddSingleton<IAccountDirectory, UnconfiguredAccountDirectory>();
            return services;
        }

        var options = new KeycloakAdminOptions(
            new Uri(configuration["Identity:Authority"] ?? "http://localhost:5070/realms/boards"),
            link["ClientId"] is { Length: > 0 } clientId ? clientId : "boards-membership",
            secret);
        services.AddHttpClient(HttpClientName);
        // One connection (one service-account token) for the focal points' users and the integrators' clients.
        services.AddSingleton(sp => new KeycloakAdminConnection(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), options, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new KeycloakUserAdmin(sp.GetRequiredService<KeycloakAdminConnection>()));
        services.AddSingleton<IFocalPointAccess, KeycloakFocalPointAccess>();
        services.AddSingleton<IAccountDirectory, KeycloakAccountDirectory>();
        return services;
    }
}
