using Npgsql;

namespace Boards.Identity.Tests;

/// <summary>
/// Demo people have e-mail addresses at demo.boards.test (the reserved .test domain), so Notifications can mail them
/// in Development without ever reaching a real mailbox; databases seeded before that get the addresses on the next start.
/// </summary>
public sealed class DemoEmailTests(DevelopmentIdentity identity) : IClassFixture<DevelopmentIdentity>
{
    [Fact]
    public async Task Every_demo_person_has_an_address_at_demo_boards_test()
    {
        using var client = identity.CreateClient();
        var notifications = await AdminApiClient.ForNotificationsAsync(client);

        var users = (await notifications.GetJsonAsync("users?max=1000")).EnumerateArray().ToList();

        Assert.True(users.Count >= 18 + 11 + 2, $"{users.Count} users");
        Assert.All(users, user => Assert.Equal(
            $"{user.GetProperty("username").GetString()}@demo.boards.test", user.GetProperty("email").GetString()));
        Assert.Contains(users, user => user.GetProperty("email").GetString() == "focal.alto-vera@demo.boards.test");
    }

    [Fact]
    public async Task A_demo_person_stored_without_an_address_gets_one_on_the_next_start_and_an_address_someone_set_stays()
    {
        var first = new DevelopmentIdentity();
        await first.InitializeAsync();
        IdentityHost? second = null;
        try
        {
            string createdId;
            using (var client = first.CreateClient())
            {
                var membership = await AdminApiClient.ForMembershipAsync(client);
                var altoVera = (await membership.FindUserIdAsync("focal.alto-vera"))!;
                await membership.ExpectNoContentAsync(HttpMethod.Put, $"users/{altoVera}", new { email = "punto.focal@example.org" });
                createdId = await membership.CreateUserAsync(new { username = "sin.correo", enabled = true });
            }

            // As the rows of a database seeded before demo people had addresses.
            await ExecuteAsync(first, "UPDATE users SET email = NULL WHERE username IN ('focal.pilar', 'analyst')");
            await first.StopAsync();
            second = first.Restarted(); // demo seeding runs again on the same database
            await second.InitializeAsync();

            using var restarted = second.CreateClient();
            var admin = await AdminApiClient.ForNotificationsAsync(restarted);
            Assert.Equal("focal.pilar@demo.boards.test", await EmailAsync(admin, "focal.pilar"));
            Assert.Equal("analyst@demo.boards.test", await EmailAsync(admin, "analyst"));
            Assert.Equal("punto.focal@example.org", await EmailAsync(admin, "focal.alto-vera"));
            Assert.False((await admin.GetJsonAsync($"users/{createdId}")).TryGetProperty("email", out _)); // not a demo person
        }
        finally
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }

            await first.DisposeAsync();
        }
    }

    private static async Task<string?> EmailAsync(AdminApiClient admin, string userName)
    {
        var user = Assert.Single((await admin.GetJsonAsync($"users?username={userName}&exact=true")).EnumerateArray());
        return user.TryGetProperty("email", out var email) ? email.GetString() : null;
    }

    private static async Task ExecuteAsync(IdentityHost host, string sql)
    {
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(IdentityHost.PostgresConnectionString) { Database = host.DatabaseName }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        Assert.Equal(2, await command.ExecuteNonQueryAsync());
    }
}
