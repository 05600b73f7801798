using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Identity.Features.Admin;

/// <summary>
/// Keycloak's <c>/clients</c> resource, the part Membership needs for integrator clients: register one (a confidential
/// client with a service account), find it by client id, read and regenerate its secret, map realm roles to its
/// service account (through <c>/users/{id}/role-mappings/realm</c>) and delete it. Roles as Keycloak checks them:
/// view-clients (or manage-clients) to read, manage-clients to change and to read a secret.
/// </summary>
internal static class ClientEndpoints
{
    private static readonly AdminError ClientNotFound = new("Cliente no encontrado.");
    private static readonly AdminError Configured =
        new("Este cliente se administra por configuración (Identity:Clients) y no se cambia por la API de administración.");

    public static RouteGroupBuilder MapClientEndpoints(this RouteGroupBuilder realm)
    {
        realm.MapGet("/clients", ListAsync).WithMetadata(RealmManagementRoles.ListClients);
        realm.MapPost("/clients", CreateAsync).WithMetadata(RealmManagementRoles.ManageClients);
        realm.MapGet("/clients/{id}", GetAsync).WithMetadata(RealmManagementRoles.ViewClients);
        realm.MapDelete("/clients/{id}", DeleteAsync).WithMetadata(RealmManagementRoles.ManageClients);
        realm.MapGet("/clients/{id}/client-secret", GetSecretAsync).WithMetadata(RealmManagementRoles.ManageClients);
        realm.MapPost("/clients/{id}/client-secret", RegenerateSecretAsync).WithMetadata(RealmManagementRoles.ManageClients);
        realm.MapGet("/clients/{id}/service-account-user", GetServiceAccountAsync).WithMetadata(RealmManagementRoles.ViewClients);
        return realm;
    }

    /// <summary><c>clientId</c>: exact, or contained (ignoring case) with <c>search=true</c>; <c>first</c>, <c>max</c>.</summary>
    private static async Task<Results<Ok<ClientRepresentation[]>, BadRequest<AdminError>>> ListAsync(
        HttpContext http, ClientStore clients, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        if (AdminQuery.TryReadPaging(query, out var first, out var max) is { } pagingError)
        {
            return TypedResults.BadRequest(pagingError);
        }

        var search = string.Equals(query["search"], "true", StringComparison.OrdinalIgnoreCase);
        var withSecret = MayManage(http);
        var found = await clients.ListAsync(query["clientId"], search, first, max, cancellationToken);
        var represented = new List<ClientRepresentation>();
        foreach (var application in found)
        {
            represented.Add(await clients.RepresentAsync(application, withSecret, cancellationToken));
        }

        return TypedResults.Ok(represented.ToArray());
    }

    private static async Task<Results<Ok<ClientRepresentation>, NotFound<AdminError>>> GetAsync(
        string id, HttpContext http, ClientStore clients, CancellationToken cancellationToken) =>
        await clients.FindAsync(id, cancellationToken) is { } application
            ? TypedResults.Ok(await clients.RepresentAsync(application, MayManage(http), cancellationToken))
            : TypedResults.NotFound(ClientNotFound);

    private static async Task<Results<Created, BadRequest<AdminError>, Conflict<AdminError>>> CreateAsync(
        HttpContext http, ClientStore clients, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var (body, jsonError) = await AdminJson.ReadAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return TypedResults.BadRequest(jsonError!);
        }

        var (input, error) = ClientInput.Parse(body, () => Guid.NewGuid().ToString());
        if (input is null)
        {
            return TypedResults.BadRequest(error!);
        }

        var exists = new AdminError($"Ya existe un cliente con el clientId '{input.ClientId}'.", "clientId");
        if (Clients.BoardsClients.IsConfigured(input.ClientId))
        {
            return TypedResults.Conflict(exists);
        }

        var (outcome, id) = await clients.CreateAsync(input, cancellationToken);
        if (outcome == ClientStore.Outcome.Exists)
        {
            return TypedResults.Conflict(exists);
        }

        UserEndpoints.Log(logs).LogInformation(
            "Admin API: {Actor} registered client {ClientId} ({Id}) with default scopes [{Scopes}] and claims [{Claims}]",
            AdminAccessFilter.Actor(http.User), input.ClientId, id, string.Join(", ", input.DefaultClientScopes),
            string.Join(", ", input.Mappers.Select(mapper => $"{mapper.ClaimName}={mapper.Value}")));
        return TypedResults.Created(new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{http.Request.Path.Value!.TrimEnd('/')}/{id}"));
    }

    private static async Task<Results<NoContent, BadRequest<AdminError>, NotFound<AdminError>>> DeleteAsync(
        string id, HttpContext http, ClientStore clients, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (await clients.FindAsync(id, cancellationToken) is not { } application)
        {
            return TypedResults.NotFound(ClientNotFound);
        }

        if (await clients.IsConfiguredAsync(application, cancellationToken))
        {
            return TypedResults.BadRequest(Configured);
        }

        var clientId = (await clients.RepresentAsync(application, withSecret: false, cancellationToken)).ClientId;
        await clients.DeleteAsync(application, cancellationToken);
        UserEndpoints.Log(logs).LogInformation(
            "Admin API: {Actor} deleted client {ClientId} ({Id}) and its service account", AdminAccessFilter.Actor(http.User), clientId, id);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<CredentialRepresentation>, BadRequest<AdminError>, NotFound<AdminError>>> GetSecretAsync(
        string id, ClientStore clients, CancellationToken cancellationToken)
    {
        if (await clients.FindAsync(id, cancellationToken) is not { } application)
        {
            return TypedResults.NotFound(ClientNotFound);
        }

        return await clients.SecretAsync(application, cancellationToken) is { } secret
            ? TypedResults.Ok(CredentialRepresentation.ForSecret(secret))
            : TypedResults.BadRequest(Configured);
    }

    private static async Task<Results<Ok<CredentialRepresentation>, BadRequest<AdminError>, NotFound<AdminError>>> RegenerateSecretAsync(
        string id, HttpContext http, ClientStore clients, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (await clients.FindAsync(id, cancellationToken) is not { } application)
        {
            return TypedResults.NotFound(ClientNotFound);
        }

        if (await clients.IsConfiguredAsync(application, cancellationToken))
        {
            return TypedResults.BadRequest(Configured);
        }

        var secret = await clients.RegenerateSecretAsync(application, cancellationToken);
        UserEndpoints.Log(logs).LogInformation(
            "Admin API: {Actor} regenerated the secret of client {Id}", AdminAccessFilter.Actor(http.User), id);
        return TypedResults.Ok(CredentialRepresentation.ForSecret(secret));
    }

    /// <summary>Keycloak answers 400 for a client without a service account; here also for one described by configuration.</summary>
    private static async Task<Results<Ok<UserRepresentation>, BadRequest<AdminError>, NotFound<AdminError>>> GetServiceAccountAsync(
        string id, ClientStore clients, CancellationToken cancellationToken)
    {
        if (await clients.FindAsync(id, cancellationToken) is not { } application)
        {
            return TypedResults.NotFound(ClientNotFound);
        }

        return await clients.ServiceAccountAsync(application, cancellationToken) is { } account
            ? TypedResults.Ok(UserRepresentation.From(account))
            : TypedResults.BadRequest(new AdminError("El cliente no tiene una cuenta de servicio administrable por esta API."));
    }

    private static bool MayManage(HttpContext http) =>
        RealmManagementRoles.ManageClients.AnyOf.Any(AdminAccessFilter.RealmManagementRolesOf(http.User).Contains);
}
