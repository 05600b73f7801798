using Npgsql;

namespace Boards.Portal.Tests;

/// <summary>
/// A fresh database for one portal host (its sessions and key ring) on the real PostgreSQL of the integration tests
/// (BOARDS_TEST_POSTGRES, or the server eng/infra.sh starts), dropped with the host. The portal creates it at start.
/// Boards.Testing has the same helpers, but it brings Identity's Program along, which clashes with the portal's.
/// </summary>
public sealed class PortalDatabase
{
    private static string Server =>
        Environment.GetEnvironmentVariable("BOARDS_TEST_POSTGRES") is { Length: > 0 } configured ? configured : "Host=127.0.0.1;Port=56432;Username=postgres";

    public string Name { get; } = $"portal_tests_{Guid.NewGuid():N}";

    public string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = Name }.ConnectionString;

    public async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
