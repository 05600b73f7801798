using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using Boards.BuildingBlocks.Errors;
using Boards.Identity.Clients;
using Microsoft.AspNetCore.DataProtection;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Boards.Identity.Features.Admin;

/// <summary>
/// Clients as the admin API sees them: OpenIddict's applications (the token endpoint checks their hashed secrets and
/// permissions), each registered one with its service account in <c>users</c>. Clients described by configuration
/// (BoardsClients) are listed and read, never changed here: the next start would undo it.
/// </summary>
internal sealed class ClientStore(IdentityDbContext db, IOpenIddictApplicationManager applications, IDataProtectionProvider protection, TimeProvider time)
{
    public enum Outcome { Created, Exists }

    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private IDataProtector Secrets => protection.CreateProtector("Boards.Identity.ClientSecrets");

    public async Task<IReadOnlyList<object>> ListAsync(string? clientId, bool search, int first, int max, CancellationToken cancellationToken)
    {
        IQueryable<OpenIddictEntityFrameworkCoreApplication> query = db.Set<OpenIddictEntityFrameworkCoreApplication>();
        if (!string.IsNullOrEmpty(clientId))
        {
            query = search
                ? query.Where(application => EF.Functions.ILike(application.ClientId!, "%" + EscapeLike(clientId) + "%", "\\"))
                : query.Where(application => application.ClientId == clientId);
        }

        return await query.OrderBy(application => EF.Functions.Collate(application.ClientId!, "C"))
            .Skip(first).Take(max).ToListAsync(cancellationToken);
    }

    public async Task<object?> FindAsync(string id, CancellationToken cancellationToken) =>
        id.Length is > 0 and <= 100 && !AdminJson.HasControlCharacters(id) ? await applications.FindByIdAsync(id, cancellationToken) : null;

    public async Task<bool> IsConfiguredAsync(object application, CancellationToken cancellationToken) =>
        !ClientProperties.IsRegistered(await applications.GetPropertiesAsync(application, cancellationToken));

    public async Task<ClientRepresentation> RepresentAsync(object application, bool withSecret, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        var permissions = descriptor.Permissions;
        var properties = descriptor.Properties.ToImmutableDictionary();
        var confidential = descriptor.ClientType == ClientTypes.Confidential;
        return new ClientRepresentation(
            Id: (await applications.GetIdAsync(application, cancellationToken))!,
            ClientId: descriptor.ClientId!,
            Name: descriptor.DisplayName,
            Description: properties.TryGetValue(ClientProperties.Description, out var description) ? description.GetString() : null,
            Enabled: true,
            Protocol: HardcodedClaim.Protocol,
            PublicClient: !confidential,
            ClientAuthenticatorType: "client-secret",
            StandardFlowEnabled: permissions.Contains(Permissions.GrantTypes.AuthorizationCode),
            ImplicitFlowEnabled: false,
            DirectAccessGrantsEnabled: permissions.Contains(Permissions.GrantTypes.Password),
            ServiceAccountsEnabled: permissions.Contains(Permissions.GrantTypes.ClientCredentials),
            BearerOnly: false,
            FullScopeAllowed: true,
            DefaultClientScopes: ClientProperties.ScopesOf(properties, permissions),
            OptionalClientScopes: permissions.Contains(Permissions.GrantTypes.RefreshToken) ? [Scopes.OfflineAccess] : [],
            ProtocolMappers: [.. ClientProperties.MappersOf(properties).Select(mapper => mapper.ToRepresentation())],
            Secret: withSecret && confidential ? SecretOf(properties) : null);
    }

    /// <summary>Creates the client and its service account together, or neither; the id of the new client.</summary>
    public async Task<(Outcome Outcome, string? Id)> CreateAsync(ClientInput input, CancellationToken cancellationToken)
    {
        var serviceAccount = "service-account-" + input.ClientId;
        if (await applications.FindByClientIdAsync(input.ClientId, cancellationToken) is not null ||
            await db.Users.AnyAsync(user => user.UserName == serviceAccount, cancellationToken))
        {
            return (Outcome.Exists, null);
        }

        var secret = input.Secret ?? NewSecret();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = input.ClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = input.Name,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        ClientProperties.Describe(descriptor, input.DefaultClientScopes, input.Mappers);
        descriptor.Properties[ClientProperties.Registered] = JsonSerializer.SerializeToElement(true);
        descriptor.Properties[ClientProperties.ProtectedSecret] = JsonSerializer.SerializeToElement(Secrets.Protect(secret));
        if (input.Description is not null)
        {
            descriptor.Properties[ClientProperties.Description] = JsonSerializer.SerializeToElement(input.Description);
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            db.Users.Add(new UserAccount
            {
                Id = Guid.NewGuid(),
                UserName = serviceAccount,
                Enabled = true,
                ServiceAccountClientId = input.ClientId,
                CreatedAt = now,
                UpdatedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
            var application = await applications.CreateAsync(descriptor, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (Outcome.Created, await applications.GetIdAsync(application, cancellationToken));
        }
        catch (Exception exception) when (PostgresErrors.IsUniqueViolation(exception))
        {
            // Someone registered the same client id at the same moment.
            return (Outcome.Exists, null);
        }
    }

    /// <summary>Deletes the client and its service account (Keycloak does both); its tokens no longer come.</summary>
    public async Task DeleteAsync(object application, CancellationToken cancellationToken)
    {
        var clientId = await applications.GetClientIdAsync(application, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Users.Where(user => user.ServiceAccountClientId == clientId).ExecuteDeleteAsync(cancellationToken);
        await applications.DeleteAsync(application, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A new secret: the old one stops working at once.</summary>
    public async Task<string> RegenerateSecretAsync(object application, CancellationToken cancellationToken)
    {
        var secret = NewSecret();
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        descriptor.ClientSecret = secret;
        descriptor.Properties[ClientProperties.ProtectedSecret] = JsonSerializer.SerializeToElement(Secrets.Protect(secret));
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        return secret;
    }

    public async Task<string?> SecretAsync(object application, CancellationToken cancellationToken) =>
        SecretOf(await applications.GetPropertiesAsync(application, cancellationToken));

    public async Task<UserAccount?> ServiceAccountAsync(object application, CancellationToken cancellationToken)
    {
        var clientId = await applications.GetClientIdAsync(application, cancellationToken);
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(user => user.ServiceAccountClientId == clientId, cancellationToken);
    }

    private string? SecretOf(IReadOnlyDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(ClientProperties.ProtectedSecret, out var protectedSecret) && protectedSecret.GetString() is { } value
            ? Secrets.Unprotect(value)
            : null;

    /// <summary>Like Keycloak's: 32 letters and digits from a cryptographic generator.</summary>
    private static string NewSecret() => RandomNumberGenerator.GetString(SecretAlphabet, 32);

    private static string EscapeLike(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal);
}
