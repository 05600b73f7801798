using Npgsql;

namespace Boards.Notifications.Tests.Integration;

/// <summary>
/// Holds the service's batches back: the inbox row of a message id, inserted in a transaction of the test's own that has
/// not ended. The batch that claims that id waits on the key (as a second copy of a message would), and whatever the
/// consumers receive meanwhile gathers, in the order it arrives, for the next batch. Disposing rolls the row back: the
/// waiting batch then claims its message and handles it, and the gathered messages follow as one batch.
/// </summary>
public sealed class HeldBatch : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly string _database;

    private HeldBatch(NpgsqlConnection connection, NpgsqlTransaction transaction, string database)
    {
        _connection = connection;
        _transaction = transaction;
        _database = database;
    }

    /// <summary>Takes the inbox key of <paramref name="messageId"/> for <paramref name="consumer"/> (its InboxName).</summary>
    public static async Task<HeldBatch> HoldAsync(string database, Guid messageId, string consumer)
    {
        var connection = new NpgsqlConnection(TestPostgres.ConnectionString(database));
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand(
            """INSERT INTO inbox_messages ("MessageId", "Consumer", "ProcessedAt") VALUES (@id, @consumer, now())""", connection, transaction);
        insert.Parameters.AddWithValue("id", messageId);
        insert.Parameters.AddWithValue("consumer", consumer);
        await insert.ExecuteNonQueryAsync();
        return new HeldBatch(connection, transaction, database);
    }

    /// <summary>Waits until a session of the service waits for this transaction's lock: its batch has claimed the held id.</summary>
    public Task WaitUntilABatchWaitsAsync() => NotificationsHost.WaitUntilAsync(async () =>
    {
        // Another session: within a transaction PostgreSQL keeps showing the activity it saw first.
        await using var connection = new NpgsqlConnection(TestPostgres.ConnectionString(_database));
        await connection.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        return (long)(await waiting.ExecuteScalarAsync())! > 0;
    }, "a batch waiting for the held inbox row");

    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
