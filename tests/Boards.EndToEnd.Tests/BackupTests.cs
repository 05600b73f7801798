using Npgsql;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// eng/backup.sh dumps every database of the running system; eng/restore.sh puts the dumps into a fresh PostgreSQL
/// server, where every database is back with its tables and a referral created just before the backup.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class BackupTests(BoardsAppFixture boards)
{
    private const int FreshPort = 27442;

    [Fact]
    public async Task Every_database_is_dumped_and_a_fresh_server_restored_from_the_dumps_has_the_data()
    {
        var focal = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("focal.alto-vera"));
        var referral = await boards.Referrals.CreateReferralAsync(Requests.NewReferral(), focal);
        var folder = Path.Combine(boards.DataDirectory, "backup-" + Guid.NewGuid().ToString("N")[..8]);
        var source = new NpgsqlConnectionStringBuilder(BoardsAppFixture.AdminConnectionString("postgres"));

        await Commands.RunAsync("bash", ["eng/backup.sh", folder], new Dictionary<string, string>
        {
            ["PGPORT"] = source.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGPASSWORD"] = source.Password!,
        }, TimeSpan.FromMinutes(2));
        await using var fresh = await FreshPostgres.StartAsync(Path.Combine(boards.DataDirectory, "restored"), FreshPort);
        await Commands.RunAsync("bash", ["eng/restore.sh", folder],
            new Dictionary<string, string> { ["PGPORT"] = FreshPort.ToString(System.Globalization.CultureInfo.InvariantCulture) }, TimeSpan.FromMinutes(2));

        var databases = await ListAsync(BoardsAppFixture.AdminConnectionString("postgres"),
            "SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres'");
        Assert.Contains("referralsdb", databases);
        Assert.Equal(databases.Order(), (await ListAsync(fresh.ConnectionString("postgres"),
            "SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres'")).Order());
        foreach (var database in databases)
        {
            Assert.Equal(await TablesAsync(BoardsAppFixture.AdminConnectionString(database)), await TablesAsync(fresh.ConnectionString(database)));
        }

        var restored = await ListAsync(fresh.ConnectionString("referralsdb"), $"SELECT \"Id\"::text FROM referrals WHERE \"Id\" = '{Guid.Parse(referral.Id)}'");
        Assert.Single(restored);
    }

    private static async Task<List<string>> TablesAsync(string connectionString) =>
        [.. (await ListAsync(connectionString, "SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")).Order()];

    private static async Task<List<string>> ListAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

}
