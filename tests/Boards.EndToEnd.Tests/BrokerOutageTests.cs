using Aspire.Hosting.Testing;
using Boards.Monitoring.Contracts.Grpc;
using Npgsql;

namespace Boards.EndToEnd.Tests;

[Collection(BoardsCollection.Name)]
public sealed class BrokerOutageTests(BoardsAppFixture boards)
{
    [Fact]
    public async Task Referrals_created_while_RabbitMQ_is_down_reach_monitoring_once_it_is_back_nothing_lost_nothing_twice()
    {
        const string municipality = "villa-oliva";
        const int created = 5;
        var focal = BoardsAppFixture.Bearer(await boards.Tokens.ForUser($"focal.{municipality}"));
        var analyst = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("analyst"));
        var before = (await boards.Monitoring.GetMunicipalityAsync(new GetMunicipalityRequest { Code = municipality }, analyst)).Referrals.Sent;

        // A ready system loses its broker: a test before this one may have restarted PostgreSQL or a process, and a
        // replica whose pools are still healing, or whose bus has not started, is rightly not ready yet.
        using (var http = new HttpClient())
        {
            foreach (var service in MessagingServices)
            {
                await Eventually.Until(() => Status(http, service, "/health"), status => status == HttpStatusCode.OK,
                    TimeSpan.FromSeconds(60), $"{service} to be ready before RabbitMQ stops");
            }
        }

        await boards.StopResourceAsync("rabbitmq");
        try
        {
            for (var i = 0; i < created; i++)
            {
                await boards.Referrals.CreateReferralAsync(Requests.NewReferral(municipality), focal);
            }

            // Acknowledged to the caller, held in the outbox while the broker is away.
            Assert.True(await PendingOutboxMessages() >= created);
            await AssertReadyWithoutTheBrokerAsync();
        }
        finally
        {
            await boards.StartResourceAsync("rabbitmq");
        }

        await Eventually.Until(
            () => boards.Monitoring.GetMunicipalityAsync(new GetMunicipalityRequest { Code = municipality }, analyst).ResponseAsync,
            m => m.Referrals.Sent >= before + created, TimeSpan.FromSeconds(120), "the outbox to drain into monitoring");
        await Eventually.Until(PendingOutboxMessages, pending => pending == 0, TimeSpan.FromSeconds(60), "the outbox to be empty");

        await Task.Delay(TimeSpan.FromSeconds(3));
        var after = await boards.Monitoring.GetMunicipalityAsync(new GetMunicipalityRequest { Code = municipality }, analyst);
        Assert.Equal(before + created, after.Referrals.Sent);
    }

    /// <summary>Every replica stays alive and ready (it serves, the outbox holds its events); only /health/broker says so.</summary>
    private async Task AssertReadyWithoutTheBrokerAsync()
    {
        using var http = new HttpClient();
        await Eventually.Until(() => Status(http, "referrals", "/health/broker"), status => status == HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(30), "referrals to see the broker gone");
        foreach (var service in MessagingServices)
        {
            Assert.Equal(HttpStatusCode.OK, await Status(http, service, "/alive"));
            Assert.Equal(HttpStatusCode.OK, await Status(http, service, "/health"));
        }
    }

    private static readonly string[] MessagingServices =
        ["referrals", "monitoring", "planning", "servicedays", "needs", "membership", "notifications", "participation", "portal"];

    private async Task<HttpStatusCode> Status(HttpClient http, string service, string path) =>
        (await http.GetAsync(new Uri(boards.App.GetEndpoint(BoardsAppFixture.ResourceOf(service), "http"), path))).StatusCode;

    private static async Task<long> PendingOutboxMessages()
    {
        await using var connection = new NpgsqlConnection(BoardsAppFixture.ReferralsDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT count(*) FROM outbox_messages WHERE "PublishedAt" IS NULL""", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
