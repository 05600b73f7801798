using System.Security.Cryptography;
using System.Text;

namespace Boards.Identity.DemoAccounts;

public static class DemoAccountSeeder
{
    /// <summary>
    /// In Development, stores the demo people that are missing. An existing row is left alone, even if its roles or
    /// attributes differ from the catalog: they may have been changed on purpose through the admin API (a revoked
    /// focal point must stay revoked after a restart). Delete the row, or the database, to get the catalog's version.
    /// Elsewhere there are no demo people.
    /// </summary>
    public static async Task SeedDemoAccountsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        if (!provider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            return;
        }

        var settings = provider.GetRequiredService<IdentitySettings>();
        var db = provider.GetRequiredService<IdentityDbContext>();
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var catalog = DemoAccountCatalog.Load(settings.ReferenceDataPath);

        // Two instances starting together would otherwise both insert the same people.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);

        var existing = (await db.Users.Select(user => user.UserName).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var missing = catalog.Select(account => account.ToUserAccount(now))
            .Where(user => !existing.Contains(user.UserName))
            .ToList();
        db.Users.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoAccountSeeder))
            .LogInformation("Demo accounts: {Added} added, {Kept} already stored", missing.Count, catalog.Count - missing.Count);
    }

    private static readonly long LockKey =
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("Boards.Identity.DemoAccountSeeder")), 0);
}
