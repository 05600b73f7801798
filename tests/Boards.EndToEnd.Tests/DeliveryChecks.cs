using Boards.Monitoring.Contracts.Grpc;
using Npgsql;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Reads the services' databases directly to check what a fault must not break: an acknowledged referral exists, its
/// event left the outbox, and Monitoring's inbox and facts hold it exactly once. Unpooled connections, because
/// PostgreSQL itself is restarted by one of the fault tests.
/// </summary>
public static class DeliveryChecks
{
    private static string Database(string name) => BoardsAppFixture.AdminConnectionString(name, pooling: false);

    /// <summary>The acknowledged ids that referralsdb does not hold.</summary>
    public static async Task<List<Guid>> MissingReferralsAsync(IReadOnlyCollection<Guid> ids)
    {
        var found = await GuidsAsync("referralsdb", """SELECT "Id" FROM referrals WHERE "Id" = ANY(@ids)""", ids);
        return ids.Except(found).ToList();
    }

    /// <summary>The outbox message that announced each referral's creation, by referral id.</summary>
    public static async Task<Dictionary<Guid, Guid>> CreationMessagesAsync(IReadOnlyCollection<Guid> ids)
    {
        await using var connection = new NpgsqlConnection(Database("referralsdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT DISTINCT ON (("Payload"::jsonb ->> 'referralId')::uuid) ("Payload"::jsonb ->> 'referralId')::uuid, "Id"
            FROM outbox_messages
            WHERE ("Payload"::jsonb ->> 'referralId')::uuid = ANY(@ids)
            ORDER BY ("Payload"::jsonb ->> 'referralId')::uuid, "OccurredAt"
            """, connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var messages = new Dictionary<Guid, Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            messages[reader.GetGuid(0)] = reader.GetGuid(1);
        }

        return messages;
    }

    public static async Task<long> UnpublishedOutboxMessagesAsync() =>
        await CountAsync("referralsdb", """SELECT count(*) FROM outbox_messages WHERE "PublishedAt" IS NULL AND "DeadLetteredAt" IS NULL""");

    public static async Task<long> FactsAsync(IReadOnlyCollection<Guid> ids) =>
        await CountAsync("monitoringdb", "SELECT count(*) FROM referral_facts WHERE referral_id = ANY(@ids)", ids);

    public static async Task<long> FactsInAsync(string municipality)
    {
        await using var connection = new NpgsqlConnection(Database("monitoringdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM referral_facts WHERE municipality_code = @code", connection);
        command.Parameters.AddWithValue("code", municipality);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>How many times Monitoring's inbox recorded each message (a message handled twice would show 2).</summary>
    public static async Task<Dictionary<Guid, long>> InboxRowsAsync(IReadOnlyCollection<Guid> messageIds)
    {
        await using var connection = new NpgsqlConnection(Database("monitoringdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT "MessageId", count(*) FROM inbox_messages WHERE "MessageId" = ANY(@ids) GROUP BY "MessageId" """, connection);
        command.Parameters.AddWithValue("ids", messageIds.ToArray());
        var rows = new Dictionary<Guid, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[reader.GetGuid(0)] = reader.GetInt64(1);
        }

        return rows;
    }

    public static async Task<int> SentAsync(BoardsAppFixture boards, string municipality)
    {
        var analyst = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("analyst"));
        var summary = await boards.Monitoring.GetMunicipalityAsync(new GetMunicipalityRequest { Code = municipality }, analyst);
        return summary.Referrals.Sent;
    }

    private static async Task<HashSet<Guid>> GuidsAsync(string database, string sql, IReadOnlyCollection<Guid> ids)
    {
        await using var connection = new NpgsqlConnection(Database(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var found = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add(reader.GetGuid(0));
        }

        return found;
    }

    private static async Task<long> CountAsync(string database, string sql, IReadOnlyCollection<Guid>? ids = null)
    {
        await using var connection = new NpgsqlConnection(Database(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (ids is not null)
        {
            command.Parameters.AddWithValue("ids", ids.ToArray());
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }
}
