using Npgsql;

namespace Boards.Testing.Calls;

/// <summary>
/// A callee that cannot answer in time, for real: tables of its database locked (ACCESS EXCLUSIVE, in a transaction
/// of this test's own) until disposed, so that its handler's queries wait.
/// </summary>
public sealed class TableLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private TableLock(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<TableLock> TakeAsync(string database, params string[] tables)
    {
        var connection = new NpgsqlConnection(TestPostgres.ConnectionString(database));
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            $"LOCK TABLE {string.Join(", ", tables.Select(t => $"\"{t}\""))} IN ACCESS EXCLUSIVE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return new TableLock(connection, transaction);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync();
        await _connection.DisposeAsync();
    }
}
