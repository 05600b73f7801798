using Boards.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Identity.Features.Admin;

/// <summary>Keycloak's <c>/users</c> resource: search, read, create and partially update users.</summary>
internal static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder realm)
    {
        realm.MapGet("/users", SearchAsync).WithMetadata(RealmManagementRoles.ViewUsers);
        realm.MapGet("/users/{id}", GetAsync).WithMetadata(RealmManagementRoles.ViewUsers);
        realm.MapPost("/users", CreateAsync).WithMetadata(RealmManagementRoles.ManageUsers);
        realm.MapPut("/users/{id}", UpdateAsync).WithMetadata(RealmManagementRoles.ManageUsers);
        return realm;
    }

    /// <summary>
    /// <c>username</c>, <c>email</c>, <c>firstName</c>, <c>lastName</c>: contains, or equals with <c>exact=true</c>;
    /// <c>search</c>: prefix over all four (<c>*</c> is a wildcard, <c>"..."</c> exact); <c>enabled</c>; <c>first</c>,
    /// <c>max</c>. Ordered by user name; case-insensitive.
    /// </summary>
    private static async Task<Results<Ok<UserRepresentation[]>, BadRequest<AdminError>>> SearchAsync(
        HttpRequest request, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var query = request.Query;
        if (AdminQuery.TryReadPaging(query, out var first, out var max) is { } pagingError)
        {
            return TypedResults.BadRequest(pagingError);
        }

        var exact = string.Equals(query["exact"], "true", StringComparison.OrdinalIgnoreCase);
        // Like Keycloak's user search, clients' service accounts are left out (GET /clients/{id}/service-account-user finds them).
        IQueryable<UserAccount> users = db.Users.AsNoTracking().Where(user => user.ServiceAccountClientId == null);
        if (Pattern(query["username"], exact) is { } userName)
        {
            users = users.Where(user => EF.Functions.ILike(user.UserName, userName, Escape));
        }

        if (Pattern(query["email"], exact) is { } email)
        {
            users = users.Where(user => EF.Functions.ILike(user.Email!, email, Escape));
        }

        if (Pattern(query["firstName"], exact) is { } firstName)
        {
            users = users.Where(user => EF.Functions.ILike(user.FirstName!, firstName, Escape));
        }

        if (Pattern(query["lastName"], exact) is { } lastName)
        {
            users = users.Where(user => EF.Functions.ILike(user.LastName!, lastName, Escape));
        }

        if (SearchPattern(query["search"]) is { } search)
        {
            users = users.Where(user =>
                EF.Functions.ILike(user.UserName, search, Escape) ||
                EF.Functions.ILike(user.Email!, search, Escape) ||
                EF.Functions.ILike(user.FirstName!, search, Escape) ||
                EF.Functions.ILike(user.LastName!, search, Escape));
        }

        if (bool.TryParse(query["enabled"], out var enabled))
        {
            users = users.Where(user => user.Enabled == enabled);
        }

        var page = await users.InUserNameOrder().Skip(first).Take(max).ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Select(UserRepresentation.From).ToArray());
    }

    private static async Task<Results<Ok<UserRepresentation>, NotFound<AdminError>>> GetAsync(
        string id, IdentityDbContext db, CancellationToken cancellationToken) =>
        await FindAsync(db, id, cancellationToken) is { } user
            ? TypedResults.Ok(UserRepresentation.From(user))
            : TypedResults.NotFound(UserNotFound);

    private static async Task<Results<Created, BadRequest<AdminError>, Conflict<AdminError>>> CreateAsync(
        HttpContext http, IdentityDbContext db, TimeProvider time, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var (body, jsonError) = await AdminJson.ReadAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return TypedResults.BadRequest(jsonError!);
        }

        var (input, error) = UserInput.Parse(body);
        if (input is null)
        {
            return TypedResults.BadRequest(error!);
        }

        if (input.UserName is null)
        {
            return TypedResults.BadRequest(new AdminError("Falta el nombre de usuario (username).", "username"));
        }

        if (await db.Users.AnyAsync(user => user.UserName == input.UserName, cancellationToken))
        {
            return TypedResults.Conflict(UserExists);
        }

        var now = time.GetUtcNow();
        // Keycloak ignores a client-chosen id and creates the user disabled unless "enabled": true is sent.
        var user = new UserAccount { Id = Guid.NewGuid(), UserName = input.UserName, CreatedAt = now, UpdatedAt = now };
        (input with { Enabled = input.Enabled ?? false }).ApplyTo(user);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (PostgresErrors.IsUniqueViolation(exception))
        {
            return TypedResults.Conflict(UserExists);
        }

        Log(logs).LogInformation(
            "Admin API: {Actor} created user {UserName} ({UserId}): {Changes}",
            AdminAccessFilter.Actor(http.User), user.UserName, user.Id, input.Describe());
        return TypedResults.Created(UserLocation(http.Request, user.Id));
    }

    private static async Task<Results<NoContent, BadRequest<AdminError>, NotFound<AdminError>, Conflict<AdminError>>> UpdateAsync(
        string id, HttpContext http, UserWriter writer, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var userId))
        {
            return TypedResults.NotFound(UserNotFound);
        }

        var (body, jsonError) = await AdminJson.ReadAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return TypedResults.BadRequest(jsonError!);
        }

        var (input, error) = UserInput.Parse(body);
        if (input is null)
        {
            return TypedResults.BadRequest(error!);
        }

        var renamed = false;
        var (outcome, user) = await writer.ChangeAsync(userId, user =>
        {
            // The realm does not allow editing user names (editUsernameAllowed: false).
            renamed = input.UserName is not null && input.UserName != user.UserName;
            return !renamed && input.ApplyTo(user);
        }, cancellationToken);

        if (renamed)
        {
            return TypedResults.BadRequest(new AdminError("El nombre de usuario no se puede cambiar.", "username"));
        }

        switch (outcome)
        {
            case UserWriter.Outcome.NotFound:
                return TypedResults.NotFound(UserNotFound);
            case UserWriter.Outcome.Conflict:
                return TypedResults.Conflict(new AdminError("El usuario cambió mientras se actualizaba; intente de nuevo."));
            case UserWriter.Outcome.Changed:
                Log(logs).LogInformation(
                    "Admin API: {Actor} updated user {UserName} ({UserId}): {Changes}",
                    AdminAccessFilter.Actor(http.User), user!.UserName, user.Id, input.Describe());
                break;
        }

        return TypedResults.NoContent();
    }

    public static readonly AdminError UserNotFound = new("Usuario no encontrado.");
    private static readonly AdminError UserExists = new("Ya existe un usuario con el mismo nombre de usuario.", "username");
    private const string Escape = "\\";

    public static async Task<UserAccount?> FindAsync(IdentityDbContext db, string id, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var userId)
            ? await db.Users.AsNoTracking().SingleOrDefaultAsync(user => user.Id == userId, cancellationToken)
            : null;

    public static ILogger Log(ILoggerFactory logs) => logs.CreateLogger("Boards.Identity.AdminApi");

    private static Uri UserLocation(HttpRequest request, Guid id) =>
        new($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path.Value!.TrimEnd('/')}/{id}");

    private static string? Pattern(string? value, bool exact) =>
        string.IsNullOrEmpty(value) ? null : exact ? EscapeLike(value) : "%" + EscapeLike(value) + "%";

    private static string? SearchPattern(string? search)
    {
        if (string.IsNullOrWhiteSpace(search) || search.Trim() == "*")
        {
            return null;
        }

        search = search.Trim();
        if (search.Length >= 2 && search.StartsWith('"') && search.EndsWith('"'))
        {
            return EscapeLike(search[1..^1]);
        }

        return search.Contains('*', StringComparison.Ordinal)
            ? EscapeLike(search).Replace("*", "%", StringComparison.Ordinal)
            : EscapeLike(search) + "%";
    }

    private static string EscapeLike(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal);
}
