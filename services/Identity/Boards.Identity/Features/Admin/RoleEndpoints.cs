using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Identity.Features.Admin;

/// <summary>Keycloak's realm roles and a user's realm role mappings.</summary>
internal static class RoleEndpoints
{
    private static readonly AdminError RoleNotFound = new("Rol no encontrado.");

    public static RouteGroupBuilder MapRoleEndpoints(this RouteGroupBuilder realm)
    {
        realm.MapGet("/roles/{roleName}", GetRole).WithMetadata(RealmManagementRoles.ViewRealm);
        // Keycloak requires both: viewing the realm's role, and querying users.
        realm.MapGet("/roles/{roleName}/users", GetUsersInRoleAsync)
            .WithMetadata(RealmManagementRoles.ViewRealm, RealmManagementRoles.ViewUsers);
        realm.MapGet("/users/{id}/role-mappings/realm", GetMappingsAsync).WithMetadata(RealmManagementRoles.ViewUsers);
        realm.MapPost("/users/{id}/role-mappings/realm", AddMappingsAsync).WithMetadata(RealmManagementRoles.ManageUsers);
        realm.MapDelete("/users/{id}/role-mappings/realm", RemoveMappingsAsync).WithMetadata(RealmManagementRoles.ManageUsers);
        return realm;
    }

    private static Results<Ok<RoleRepresentation>, NotFound<AdminError>> GetRole(string roleName) =>
        RealmRoles.Find(roleName) is { } role
            ? TypedResults.Ok(RoleRepresentation.From(role))
            : TypedResults.NotFound(RoleNotFound);

    /// <summary>
    /// The users holding a realm role, enabled or not, in user name order, paged with <c>first</c> and <c>max</c>. As in
    /// Keycloak, the full representation (with attributes) unless <c>briefRepresentation=true</c>.
    /// </summary>
    private static async Task<Results<Ok<UserRepresentation[]>, BadRequest<AdminError>, NotFound<AdminError>>> GetUsersInRoleAsync(
        string roleName, HttpRequest request, IdentityDbContext db, CancellationToken cancellationToken)
    {
        if (AdminQuery.TryReadPaging(request.Query, out var first, out var max) is { } pagingError)
        {
            return TypedResults.BadRequest(pagingError);
        }

        var briefParameter = request.Query["briefRepresentation"].ToString();
        var brief = false;
        if (briefParameter.Length > 0 && !bool.TryParse(briefParameter, out brief))
        {
            return TypedResults.BadRequest(new AdminError("'briefRepresentation' debe ser true o false.", "briefRepresentation"));
        }

        if (RealmRoles.Find(roleName) is not { } role)
        {
            return TypedResults.NotFound(RoleNotFound);
        }

        var users = await db.Users.AsNoTracking()
            .Where(user => user.RealmRoles.Contains(role.Name))
            .InUserNameOrder()
            .Skip(first)
            .Take(max)
            .ToListAsync(cancellationToken);
        Func<UserAccount, UserRepresentation> represent = brief ? UserRepresentation.Brief : UserRepresentation.From;
        return TypedResults.Ok(users.Select(represent).ToArray());
    }

    /// <summary>Like Keycloak, only a caller who may view the realm (view-realm) sees the roles themselves.</summary>
    private static async Task<Results<Ok<RoleRepresentation[]>, NotFound<AdminError>>> GetMappingsAsync(
        string id, HttpContext http, IdentityDbContext db, CancellationToken cancellationToken)
    {
        if (await UserEndpoints.FindAsync(db, id, cancellationToken) is not { } user)
        {
            return TypedResults.NotFound(UserEndpoints.UserNotFound);
        }

        var mayViewRealm = RealmManagementRoles.ViewRealm.AnyOf.Any(AdminAccessFilter.RealmManagementRolesOf(http.User).Contains);
        return TypedResults.Ok(mayViewRealm
            ? [.. user.RealmRoles.Select(RealmRoles.Find).OfType<RealmRole>().Select(RoleRepresentation.From)]
            : Array.Empty<RoleRepresentation>());
    }

    private static Task<Results<NoContent, BadRequest<AdminError>, NotFound<AdminError>, Conflict<AdminError>>> AddMappingsAsync(
        string id, HttpContext http, UserWriter writer, ILoggerFactory logs, CancellationToken cancellationToken) =>
        ChangeMappingsAsync(id, http, writer, logs, add: true, cancellationToken);

    private static Task<Results<NoContent, BadRequest<AdminError>, NotFound<AdminError>, Conflict<AdminError>>> RemoveMappingsAsync(
        string id, HttpContext http, UserWriter writer, ILoggerFactory logs, CancellationToken cancellationToken) =>
        ChangeMappingsAsync(id, http, writer, logs, add: false, cancellationToken);

    private static async Task<Results<NoContent, BadRequest<AdminError>, NotFound<AdminError>, Conflict<AdminError>>> ChangeMappingsAsync(
        string id, HttpContext http, UserWriter writer, ILoggerFactory logs, bool add, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var userId))
        {
            return TypedResults.NotFound(UserEndpoints.UserNotFound);
        }

        // Keycloak deletes every realm mapping when DELETE has no body; that is too easy to do by accident, so a body
        // (the roles to remove) is required here.
        var (body, jsonError) = await AdminJson.ReadAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return TypedResults.BadRequest(jsonError!);
        }

        if (body is not JsonArray array)
        {
            return TypedResults.BadRequest(new AdminError("El cuerpo debe ser una lista de roles (RoleRepresentation)."));
        }

        var roles = new List<RealmRole>();
        foreach (var item in array)
        {
            if (item is not JsonObject role ||
                role["name"] is not { } name || name.GetValueKind() != JsonValueKind.String ||
                (role["id"] is { } roleId && roleId.GetValueKind() != JsonValueKind.String))
            {
                return TypedResults.BadRequest(new AdminError("Cada rol debe ser un objeto con 'id' y 'name' de texto."));
            }

            // Keycloak looks the role up by name and requires its id to match (clients read it from GET /roles/{name}).
            var known = RealmRoles.Find(name.GetValue<string>());
            if (known is null || known.Id != role["id"]?.GetValue<string>())
            {
                return TypedResults.NotFound(RoleNotFound);
            }

            roles.Add(known);
        }

        var names = roles.Select(role => role.Name).ToHashSet(StringComparer.Ordinal);
        var (outcome, user) = await writer.ChangeAsync(userId, user =>
        {
            var updated = add
                ? [.. user.RealmRoles.Union(names, StringComparer.Ordinal)]
                : user.RealmRoles.Where(role => !names.Contains(role)).ToList();
            if (updated.SequenceEqual(user.RealmRoles, StringComparer.Ordinal))
            {
                return false;
            }

            user.RealmRoles = updated;
            return true;
        }, cancellationToken);

        switch (outcome)
        {
            case UserWriter.Outcome.NotFound:
                return TypedResults.NotFound(UserEndpoints.UserNotFound);
            case UserWriter.Outcome.Conflict:
                return TypedResults.Conflict(new AdminError("El usuario cambió mientras se actualizaba; intente de nuevo."));
            case UserWriter.Outcome.Changed:
                UserEndpoints.Log(logs).LogInformation(
                    "Admin API: {Actor} {Operation} realm roles [{Roles}] of user {UserName} ({UserId}); now [{Current}]",
                    AdminAccessFilter.Actor(http.User), add ? "granted" : "revoked", string.Join(", ", names),
                    user!.UserName, user.Id, string.Join(", ", user.RealmRoles));
                break;
        }

        return TypedResults.NoContent();
    }
}
