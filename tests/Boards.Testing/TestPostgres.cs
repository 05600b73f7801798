using Npgsql;

namespace Boards.Testing;

/// <summary>The REAL PostgreSQL server of the integration tests (eng/infra.sh starts it): one fresh database per host.</summary>
public static class TestPostgres
{
    /// <summary>BOARDS_TEST_POSTGRES, or the server eng/infra.sh starts.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("BOARDS_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=56432;Username=postgres";

    /// <summary>The connection string of one database on that server.</summary>
    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    public static Task CreateDatabaseAsync(string database) => ExecuteOnServerAsync($"CREATE DATABASE \"{database}\"");

    /// <summary>Drops the database even while connections to it are open.</summary>
    public static Task DropDatabaseAsync(string database) => ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");

    private static async Task ExecuteOnServerAsync(string sql)
    {
        var server = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
