using Npgsql;

namespace Boards.BuildingBlocks.Tests.Infrastructure;

/// <summary>A database of its own on the real PostgreSQL, with a random name, dropped at the end.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public TestDatabase(string prefix = "bbtest")
    {
        Name = $"{prefix}_{TestSettings.NewRunId()}";
        ConnectionString = new NpgsqlConnectionStringBuilder(TestSettings.Postgres) { Database = Name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>Creates the database and the <see cref="TestDbContext"/> schema (EnsureCreated is fine for tests).</summary>
    public async Task<TestDatabase> CreateAsync()
    {
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
        return this;
    }

    public TestDbContext NewContext() =>
        new(new DbContextOptionsBuilder<TestDbContext>().UseNpgsql(ConnectionString).Options);

    public async Task<bool> ExistsAsync()
    {
        await using var connection = await OpenMaintenanceAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = Name } } };
        return await command.ExecuteScalarAsync() is not null;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = await OpenMaintenanceAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnection> OpenMaintenanceAsync()
    {
        var maintenance = new NpgsqlConnectionStringBuilder(TestSettings.Postgres) { Database = "postgres", Pooling = false };
        var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
