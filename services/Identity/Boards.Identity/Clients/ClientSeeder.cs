using System.Security.Cryptography;
using System.Text;
using OpenIddict.Abstractions;

namespace Boards.Identity.Clients;

public static class ClientSeeder
{
    /// <summary>
    /// Creates or updates the API scope and the clients to match this start-up's configuration and environment
    /// (for example, boards-cli loses the password grant outside Development). Safe to run on every start.
    /// </summary>
    public static async Task SeedClientsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<IdentityDbContext>();
        var applications = provider.GetRequiredService<IOpenIddictApplicationManager>();
        var scopes = provider.GetRequiredService<IOpenIddictScopeManager>();
        var settings = provider.GetRequiredService<IdentitySettings>();
        var environment = provider.GetRequiredService<IHostEnvironment>();

        // The managers share this scope's DbContext, so they all run inside the transaction; the lock keeps two
        // instances starting together from inserting the same client twice.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);

        var apiScope = BoardsClients.ApiScope();
        if (await scopes.FindByNameAsync(apiScope.Name!, cancellationToken) is { } existingScope)
        {
            await scopes.UpdateAsync(existingScope, apiScope, cancellationToken);
        }
        else
        {
            await scopes.CreateAsync(apiScope, cancellationToken);
        }

        var described = BoardsClients.Describe(settings, allowPasswordGrant: environment.IsDevelopment());
        foreach (var descriptor in described)
        {
            if (await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken) is { } existing)
            {
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            }
            else
            {
                await applications.CreateAsync(descriptor, cancellationToken);
            }
        }

        // A client left from a start with other configuration (boards-membership without a secret) must not linger.
        foreach (var clientId in BoardsClients.All.Except(described.Select(descriptor => descriptor.ClientId!)))
        {
            if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } stale)
            {
                await applications.DeleteAsync(stale, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static readonly long LockKey =
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("Boards.Identity.ClientSeeder")), 0);
}
