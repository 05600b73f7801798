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

    private ServiceProvider Services() =>
        new ServiceCollection()
            .AddLogging()
            .AddDbContext<MigrationsTestDbContext>(options => options
                .UseNpgsql(_database.ConnectionString)
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
}
