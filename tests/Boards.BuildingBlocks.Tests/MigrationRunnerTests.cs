using Boards.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Boards.BuildingBlocks.Tests;

/// <summary>ARCHITECTURE.md: migrations are applied at start-up under an advisory lock; each service creates its own database.</summary>
public sealed class MigrationRunnerTests : IAsyncLifetime
{
    // Not created here: the runner must create it.
    private readonly TestDatabase _database = new("bbmigrate");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>An instance of a service; another <paramref name="applicationName"/> is another connection pool.</summary>
    private ServiceProvider Services(string applicationName = "first") =>
        new ServiceCollection()
            .AddLogging()
            .AddDbContext<MigrationsTestDbContext>(options => options
                .UseNpgsql(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { ApplicationName = applicationName }.ConnectionString)
                // The hand-written migration has no model snapshot; that is not what these tests are about.
                .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning)))
            .BuildServiceProvider();

    private async Task<List<string>> AppliedMigrationsAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY 1""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    [Fact]
    public async Task Migrating_a_database_that_does_not_exist_yet_creates_it_and_applies_the_migrations()
    {
        Assert.False(await _database.ExistsAsync());
        await using var services = Services();

        await services.MigrateDatabaseAsync<MigrationsTestDbContext>();

        Assert.True(await _database.ExistsAsync());
        Assert.Equal([CreateWidgets.Id], await AppliedMigrationsAsync());
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MigrationsTestDbContext>();
        db.Widgets.Add(new Widget { Id = 1, Name = "first" });
        await db.SaveChangesAsync();
        Assert.Equal(1, await db.Widgets.CountAsync());
    }

    [Fact]
    public async Task Migrating_twice_is_harmless()
    {
        await using var services = Services();

        await services.MigrateDatabaseAsync<MigrationsTestDbContext>();
        await services.MigrateDatabaseAsync<MigrationsTestDbContext>();

        Assert.Equal([CreateWidgets.Id], await AppliedMigrationsAsync());
    }

    [Fact]
    public async Task Two_instances_starting_together_both_succeed_and_migrate_once()
    {
        await using var first = Services();
        await using var second = Services();

        await Task.WhenAll(
            first.MigrateDatabaseAsync<MigrationsTestDbContext>(),
            second.MigrateDatabaseAsync<MigrationsTestDbContext>());

        Assert.True(await _database.ExistsAsync());
        Assert.Equal([CreateWidgets.Id], await AppliedMigrationsAsync());
    }

    /// <summary>Seeds as the services' seeders do: look, then add what is missing (a race when two run at once).</summary>
    private static async Task SeedAsync(IServiceProvider services, int id, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MigrationsTestDbContext>();
        if (!await db.Widgets.AnyAsync(ct))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
            db.Widgets.Add(new Widget { Id = id, Name = "seeded" });
            await db.SaveChangesAsync(ct);
        }
    }

    [Fact]
    public async Task Two_instances_starting_together_seed_one_after_the_other_under_the_lock()
    {
        await using var first = Services();
        await using var second = Services("second");

        await Task.WhenAll(
            first.MigrateDatabaseAsync<MigrationsTestDbContext>((services, ct) => SeedAsync(services, 1, ct)),
            second.MigrateDatabaseAsync<MigrationsTestDbContext>((services, ct) => SeedAsync(services, 2, ct)));

        await using var scope = first.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<MigrationsTestDbContext>().Widgets.CountAsync());
    }

    [Fact]
    public async Task A_seed_that_fails_releases_the_lock_for_the_next_start()
    {
        await using var failed = Services();
        await using var next = Services("next");

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            failed.MigrateDatabaseAsync<MigrationsTestDbContext>((_, _) => throw new InvalidOperationException("seed failed")));
        // Its connection went back to the pool still open; a lock left on it would hold the next start for ever.
        await next.MigrateDatabaseAsync<MigrationsTestDbContext>((provider, ct) => SeedAsync(provider, 1, ct)).WaitAsync(TimeSpan.FromSeconds(15));

        await using var scope = next.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<MigrationsTestDbContext>().Widgets.CountAsync());
    }
}
