using Boards.BuildingBlocks.ReferenceData;
using Boards.Membership.Features.IdentityLink.IdentityProvider;
using Boards.Membership.Features.IntegratorClients.CheckAccess;
using Boards.Membership.Features.IntegratorClients.Get;
using Boards.Membership.Features.IntegratorClients.IdentityProvider;
using Boards.Membership.Features.IntegratorClients.List;
using Boards.Membership.Features.IntegratorClients.Register;
using Boards.Membership.Features.IntegratorClients.Revoke;
using Boards.Membership.Features.IntegratorClients.RotateSecret;

namespace Boards.Membership.Features.IntegratorClients;

public static class IntegratorClientsRegistration
{
    /// <summary>
    /// The integrator clients' use cases and error mapper; their directory is the Keycloak admin client when the identity
    /// link is configured (the same service account and token as the focal points'), otherwise one that says it is not.
    /// </summary>
    public static IServiceCollection AddIntegratorClients(this IServiceCollection services)
    {
        services.AddSingleton(_ => Institutions.FromSeed());
        services.AddSingleton<IIntegratorClientDirectory>(sp => sp.GetService<KeycloakAdminConnection>() is { } connection
            ? new KeycloakIntegratorClients(connection)
            : new UnconfiguredIntegratorClientDirectory());
        services.AddScoped<RegisterIntegratorClientHandler>();
        services.AddScoped<ListIntegratorClientsHandler>();
        services.AddScoped<GetIntegratorClientHandler>();
        services.AddScoped<RotateIntegratorSecretHandler>();
        services.AddScoped<RevokeIntegratorClientHandler>();
        services.AddScoped<CheckIntegratorAccessHandler>();
        services.AddSingleton<IApiErrorMapper, IntegratorClientErrorMapper>();
        return services;
    }
}
