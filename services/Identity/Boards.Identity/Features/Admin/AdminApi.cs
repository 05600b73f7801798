namespace Boards.Identity.Features.Admin;

/// <summary>
/// The subset of Keycloak's Admin REST API that Membership uses to appoint and revoke focal points, and Notifications to
/// find the people to notify, and to register integrator clients, at Keycloak's paths and with its representations, so one HTTP client works against this
/// provider and a real Keycloak.
/// </summary>
public static class AdminApi
{
    public const string Realm = "boards";

    public static IServiceCollection AddAdminApi(this IServiceCollection services) => services.AddScoped<UserWriter>().AddScoped<ClientStore>();

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var realm = endpoints.MapGroup("/admin/realms/{realm}")
            .AllowAnonymous() // the filter checks the bearer token and its realm-management roles
            .AddEndpointFilter<AdminAccessFilter>()
            .ExcludeFromDescription();
        realm.MapUserEndpoints();
        realm.MapRoleEndpoints();
        realm.MapClientEndpoints();
        return endpoints;
    }
}
