using Boards.BuildingBlocks.Data;
using Npgsql;

namespace Boards.BuildingBlocks.Tests.Data;

/// <summary>
/// Pooled connections are not reset on their way back (<see cref="DatabaseExtensions.Tuned"/>): what the services rely
/// on must still hold on the next use of the same connection, against a REAL PostgreSQL.
/// </summary>
public sealed class ConnectionSettingsTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new("bbpool");
    private NpgsqlDataSource _pool = null!;

    public async Task InitializeAsync()
    {
        await _database.CreateAsync();
        // One connection in the pool, so every open below gets the very same server session.
        _pool = NpgsqlDataSource.Create(DatabaseExtensions.Tuned(_database.ConnectionString) + ";Maximum Pool Size=1");
        await ExecuteAsync("CREATE TABLE pool_things (id int PRIMARY KEY)");
    }

    public async Task DisposeAsync()
    {
        await _pool.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void Prepares_statements_and_skips_the_reset_unless_the_connection_string_says_otherwise()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseExtensions.Tuned("Host=db;Database=x"));
        var kept = new NpgsqlConnectionStringBuilder(DatabaseExtensions.Tuned("Host=db;Database=x;Max Auto Prepare=0;No Reset On Close=false"));

        Assert.Equal((50, true), (tuned.MaxAutoPrepare, tuned.NoResetOnClose));
        Assert.Equal((0, false), (kept.MaxAutoPrepare, kept.NoResetOnClose));
    }

    [Fact]
    public async Task A_transaction_left_open_is_rolled_back_before_the_connection_serves_again()
    {
        int session;
        await using (var connection = await _pool.OpenConnectionAsync())
        {
            session = await BackendAsync(connection);
            var transaction = await connection.BeginTransactionAsync();
            await using var insert = new NpgsqlCommand("INSERT INTO pool_things VALUES (1)", connection, transaction);
            await insert.ExecuteNonQueryAsync();
            // Returned to the pool without a commit, as a handler that threw half-way does.
        }

        await using var next = await _pool.OpenConnectionAsync();
        Assert.Equal(session, await BackendAsync(next));
        await using var count = new NpgsqlCommand("SELECT count(*) FROM pool_things", next);
        // Still inside the old transaction, the same session would see its own uncommitted row.
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_failed_transaction_does_not_poison_the_next_use()
    {
        await using (var connection = await _pool.OpenConnectionAsync())
        {
            var transaction = await connection.BeginTransactionAsync();
            await using var broken = new NpgsqlCommand("SELECT 1 / 0", connection, transaction);
            await Assert.ThrowsAsync<PostgresException>(() => broken.ExecuteScalarAsync());
        }

        await ExecuteAsync("INSERT INTO pool_things VALUES (2)");
        await using var next = await _pool.OpenConnectionAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM pool_things", next);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await _pool.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<int> BackendAsync(NpgsqlConnection connection)
    {
        await using var pid = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        return (int)(await pid.ExecuteScalarAsync())!;
    }
}
