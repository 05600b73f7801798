using System.Globalization;
using Aspire.Hosting.Testing;
using Npgsql;
using RabbitMQ.Client;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Reported: local mode used PostgreSQL trust auth with one superuser for every service and RabbitMQ's guest, and the
/// Erlang distribution ports (4369, 25672) listened on every interface. Each service now has its own role with a password
/// and reaches only its own database, the bus has its own user, and everything listens on loopback only.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class LocalInfrastructureTests(BoardsAppFixture boards)
{
    [Fact]
    public async Task PostgreSQL_refuses_a_connection_without_a_password()
    {
        await using var connection = new NpgsqlConnection(
            $"Host=127.0.0.1;Port={BoardsAppFixture.PostgresPort};Username=postgres;Database=referralsdb;Pooling=false;Timeout=5");

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => connection.OpenAsync());

        Assert.Contains("password", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Each_service_connects_as_its_own_role_and_reaches_no_other_database()
    {
        var referrals = new NpgsqlConnectionStringBuilder(await boards.App.GetConnectionStringAsync("referralsdb")) { Pooling = false };
        var monitoring = new NpgsqlConnectionStringBuilder(await boards.App.GetConnectionStringAsync("monitoringdb"));

        await using (var own = new NpgsqlConnection(referrals.ConnectionString))
        {
            await own.OpenAsync();
            await using var who = new NpgsqlCommand("select current_user, (select rolsuper from pg_roles where rolname = current_user)", own);
            await using var reader = await who.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal("referrals", reader.GetString(0));
            Assert.False(reader.GetBoolean(1));
        }

        Assert.NotEqual(referrals.Username, monitoring.Username);
        Assert.False(string.IsNullOrEmpty(referrals.Password));
        await using var other = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(referrals.ConnectionString) { Database = "monitoringdb" }.ConnectionString);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => other.OpenAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task RabbitMQ_refuses_guest_and_takes_the_buses_own_user()
    {
        var guest = new ConnectionFactory { Uri = new Uri($"amqp://guest:guest@127.0.0.1:{BoardsAppFixture.RabbitMqPort}") };
        await Assert.ThrowsAnyAsync<Exception>(() => guest.CreateConnectionAsync());

        var own = new ConnectionFactory { Uri = new Uri((await boards.App.GetConnectionStringAsync("rabbitmq-amqp"))!) };
        await using var connection = await own.CreateConnectionAsync();
        Assert.True(connection.IsOpen);
        Assert.Equal("boards", own.UserName);
    }

    [Fact]
    public void Every_port_of_PostgreSQL_and_RabbitMQ_Erlang_included_listens_on_loopback_only()
    {
        int[] ports = [BoardsAppFixture.PostgresPort, BoardsAppFixture.RabbitMqPort, BoardsAppFixture.RabbitMqDistributionPort, 4369];

        var exposed = ListeningSockets().Where(s => ports.Contains(s.Port) && !s.Loopback).ToList();

        Assert.True(exposed.Count == 0, "Escuchan fuera de loopback: " + string.Join(", ", exposed.Select(s => $"{s.Address}:{s.Port}")));
        Assert.Contains(ListeningSockets(), s => s.Port == 4369);
    }

    /// <summary>The listening TCP sockets of this machine, from /proc/net/tcp and tcp6.</summary>
    private static List<(string Address, int Port, bool Loopback)> ListeningSockets()
    {
        var sockets = new List<(string, int, bool)>();
        foreach (var file in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var line in File.Exists(file) ? File.ReadLines(file).Skip(1) : [])
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 4 || fields[3] != "0A")
                {
                    continue; // not LISTEN
                }

                var local = fields[1].Split(':');
                var port = int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                var loopback = local[0] is "0100007F" or "00000000000000000000000001000000";
                sockets.Add((local[0], port, loopback));
            }
        }

        return sockets;
    }
}
