using System.Security.Cryptography;
using System.Text;

namespace Boards.Identity.DemoAccounts;

public static class DemoAccountSeeder
{
    /// <summary>
    /// In Development, stores the demo people that are missing. An existing row is left alone, even if its roles or
    /// attributes differ from the catalog: they may have been changed on purpose through the admin API (a revoked
    /// focal point must stay revoked after a restart). Delete the row, or the database, to get the catalog's version.
    /// The one exception is a demo person without an e-mail address (stored before demo people had one): it gets the
    /// catalog's; an address someone set stays. Elsewhere there are no demo people.
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
        var addressed = await FillMissingEmailsAsync(db, catalog, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoAccountSeeder)).LogInformation(
            "Demo accounts: {Added} added, {Kept} already stored, {Addressed} given their e-mail address",
            missing.Count, catalog.Count - missing.Count, addressed);
    }

    /// <summary>Gives stored demo people without an e-mail address the catalog's; never replaces an address.</summary>
    private static async Task<int> FillMissingEmailsAsync(
        IdentityDbContext db, IReadOnlyList<DemoAccount> catalog, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var emails = catalog.ToDictionary(account => UserAccount.NormalizeUserName(account.UserName), account => account.Email, StringComparer.Ordinal);
        var userNames = emails.Keys.ToList();
        var withoutEmail = await db.Users
            .Where(user => userNames.Contains(user.UserName) && user.Email == null)
            .Select(user => user.UserName)
            .ToListAsync(cancellationToken);
        foreach (var userName in withoutEmail)
        {
            // "Still without one" in the statement itself: an address set meanwhile through the admin API stays.
            var email = emails[userName];
            await db.Users
                .Where(user => user.UserName == userName && user.Email == null)
                .ExecuteUpdateAsync(set => set.SetProperty(user => user.Email, email).SetProperty(user => user.UpdatedAt, now), cancellationToken);
        }

        return withoutEmail.Count;
    }

    private static readonly long LockKey =
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("Boards.Identity.DemoAccountSeeder")), 0);
}
