using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Boards.BuildingBlocks.Data;

public static class MigrationRunner
{
    /// <summary>
    /// Applies pending migrations, then runs <paramref name="seed"/> (reference and demo data), under a PostgreSQL
    /// advisory lock, so that replicas starting together never race: the second waits until the first has migrated and
    /// seeded, then finds the data there. Retries while the database is still coming up.
    /// </summary>
    public static async Task MigrateDatabaseAsync<TDbContext>(
        this IServiceProvider services, Func<IServiceProvider, CancellationToken, Task>? seed = null, CancellationToken cancellationToken = default)
        where TDbContext : DbContext
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Boards.Migrations");
        var lockKey = StableLockKey(typeof(TDbContext).FullName!);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await EnsureDatabaseExistsAsync(db, cancellationToken);
                await db.Database.OpenConnectionAsync(cancellationToken);
                try
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({lockKey})", cancellationToken);
                    try
                    {
                        // On a fresh database EF Core reads the history table before creating it and logs that failed
                        // read as an Error (dotnet/efcore#37328); with the table created first, a first start logs none.
                        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
                        await db.Database.MigrateAsync(cancellationToken);
                        if (seed is not null)
                        {
                            // The seeders use their own scopes and connections; this one holds the lock meanwhile.
                            await seed(services, cancellationToken);
                        }
                    }
                    finally
                    {
                        // A session lock outlives a pooled connection's return to the pool: release it whatever happened.
                        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({lockKey})", CancellationToken.None);
                    }
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }

                logger.LogInformation("Database for {Context} is up to date", typeof(TDbContext).Name);
                return;
            }
            catch (NpgsqlException exception) when (attempt < 30 && exception.IsTransient)
            {
                logger.LogWarning("Database not ready ({Reason}); retrying", exception.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    /// <summary>Each service owns its database: create it on first start (the server may be shared by several services).</summary>
    private static async Task EnsureDatabaseExistsAsync(DbContext db, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var name = target.Database ?? throw new InvalidOperationException("La cadena de conexión no indica la base de datos.");
        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        try
        {
            // Identifiers cannot be parameters; quote it as PostgreSQL does.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created it first (a simultaneous CREATE DATABASE fails on pg_database's unique index).
        }
    }

    private static long StableLockKey(string name)
    {
        // string.GetHashCode is randomized per process; instances must agree on the key.
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name));
        return BitConverter.ToInt64(hash, 0);
    }
}
