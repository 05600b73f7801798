using Boards.Referrals.Contracts.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;
using ReferralClient = Boards.Referrals.Contracts.Grpc.ReferralService.ReferralServiceClient;

namespace Boards.EndToEnd.Tests.Scaled;

/// <summary>
/// What must hold when every service runs as two processes (the fixture's scaled mode): writes on either replica, each
/// event handled once, each deadline announced once although both replicas sweep, and a watcher on one replica told of
/// a change made on the other. Calls here go to a replica's own port, not through the gateway, so each test knows which
/// process did what. Laurel's referrals are counted by no other test (one waits for at least one overdue there).
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class ReplicaTests(BoardsAppFixture boards)
{
    private const string Municipality = "laurel";
    private const int ReferralsGrpcPort = 6102;

    [Fact]
    public async Task Creates_on_both_replicas_each_reach_monitoring_once()
    {
        var focal = BoardsAppFixture.Bearer(await boards.Tokens.ForUser($"focal.{Municipality}"));
        var created = new List<Guid>();
        foreach (var port in ReplicaPorts())
        {
            using var channel = GrpcChannel.ForAddress($"http://localhost:{port}");
            var referrals = new ReferralClient(channel);
            for (var i = 0; i < 5; i++)
            {
                created.Add(Guid.Parse((await referrals.CreateReferralAsync(Requests.NewReferral(Municipality), focal)).Id));
            }
        }

        await Eventually.Until(() => DeliveryChecks.FactsAsync(created), facts => facts == created.Count, TimeSpan.FromSeconds(60),
            "monitoring to hold a fact for each referral created on either replica");
        var messages = await DeliveryChecks.CreationMessagesAsync(created);
        Assert.Equal(created.Count, messages.Count);
        var inbox = await DeliveryChecks.InboxRowsAsync(messages.Values.ToList());
        Assert.Equal(messages.Count, inbox.Count);
        Assert.All(inbox, row => Assert.Equal(1, row.Value));
        Assert.Equal(created.Count, await DeliveryChecks.FactsAsync(created));
    }

    [Fact]
    public async Task A_missed_deadline_is_announced_once_although_both_replicas_sweep()
    {
        // Urgent referrals must be accepted within 6 s here, and both replicas sweep every second (BoardsAppFixture).
        var focal = BoardsAppFixture.Bearer(await boards.Tokens.ForUser($"focal.{Municipality}"));
        var urgent = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            urgent.Add(Guid.Parse((await boards.Referrals.CreateReferralAsync(Requests.NewReferral(Municipality, priority: Priority.Urgent), focal)).Id));
        }

        await Eventually.Until(() => OverdueAnnouncementsAsync(urgent), counts => counts.Count == urgent.Count, TimeSpan.FromSeconds(40),
            "each urgent referral to be announced overdue");
        // Several more sweeps by each replica: still one announcement per referral.
        await Task.Delay(TimeSpan.FromSeconds(4));
        var announced = await OverdueAnnouncementsAsync(urgent);
        Assert.Equal(urgent.Count, announced.Count);
        Assert.All(announced, count => Assert.Equal(1, count.Value));
    }

    [Fact]
    public async Task A_watcher_on_one_replica_sees_a_change_made_on_the_other()
    {
        var integrator = BoardsAppFixture.Bearer(await boards.Tokens.ForIntegrator());
        var focal = BoardsAppFixture.Bearer(await boards.Tokens.ForUser($"focal.{Municipality}"));
        var ports = ReplicaPorts().ToList();
        foreach (var (watched, written) in new[] { (ports[0], ports[1]), (ports[1], ports[0]) })
        {
            using var watchChannel = GrpcChannel.ForAddress($"http://localhost:{watched}");
            using var writeChannel = GrpcChannel.ForAddress($"http://localhost:{written}");
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            using var watch = new ReferralClient(watchChannel).WatchReferrals(
                new WatchReferralsRequest { Since = Timestamp.FromDateTime(DateTime.UtcNow), MunicipalityCode = Municipality }, integrator,
                cancellationToken: cancel.Token);
            var created = await new ReferralClient(writeChannel).CreateReferralAsync(Requests.NewReferral(Municipality, destination: "mspbs"), focal);

            var seen = await NextChangeOfAsync(watch.ResponseStream, created.Id, cancel.Token);
            Assert.Equal(ReferralStatus.Requested, seen.Status);
            Assert.Equal("mspbs", seen.Referral.DestinationInstitution);
        }
    }

    private static IEnumerable<int> ReplicaPorts() => BoardsAppFixture.ReplicasOf("referrals", ReferralsGrpcPort).Select(replica => replica.Port);

    private static async Task<ReferralChange> NextChangeOfAsync(IAsyncStreamReader<ReferralChange> stream, string referralId, CancellationToken cancellationToken)
    {
        while (await stream.MoveNext(cancellationToken))
        {
            if (stream.Current.ReferralId == referralId)
            {
                return stream.Current;
            }
        }

        throw new InvalidOperationException($"The stream ended before referral {referralId} was seen.");
    }

    /// <summary>How many ReferralOverdue events the referrals outbox holds for each referral (none listed when none).</summary>
    private static async Task<Dictionary<Guid, long>> OverdueAnnouncementsAsync(IReadOnlyCollection<Guid> ids)
    {
        await using var connection = new NpgsqlConnection(BoardsAppFixture.AdminConnectionString("referralsdb", pooling: false));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT ("Payload"::jsonb ->> 'referralId')::uuid, count(*)
            FROM outbox_messages
            WHERE "MessageType" LIKE '%ReferralOverdue%' AND ("Payload"::jsonb ->> 'referralId')::uuid = ANY(@ids)
            GROUP BY 1
            """, connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var counts = new Dictionary<Guid, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetGuid(0)] = reader.GetInt64(1);
        }

        return counts;
    }
}
