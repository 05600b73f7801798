using Boards.ServiceDefaults;

namespace Boards.Notifications.Features.Directory;

public static class DirectoryRegistration
{
    public const string HttpClientName = "identity-directory";

    /// <summary>
    /// The Keycloak admin API with the service account Notifications:Directory:ClientId (boards-notifications) against
    /// Identity:Authority. The secret is required outside Development and may not be a shipped one.
    /// </summary>
    public static IServiceCollection AddPeopleDirectory(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.Section)
            .PostConfigure(options => options.ClientSecret = ShippedSecrets.Require(
                configuration, environment, DirectoryOptions.Section + ":ClientSecret", "notifications-dev-secret"));
        services.AddSingleton(new KeycloakRealm(new Uri(configuration["Identity:Authority"] ?? "http://localhost:5070/realms/boards")));
        services.AddHttpClient(HttpClientName);
        services.AddSingleton<IPeopleDirectory>(sp => ActivatorUtilities.CreateInstance<KeycloakPeopleDirectory>(
            sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        return services;
    }
}
