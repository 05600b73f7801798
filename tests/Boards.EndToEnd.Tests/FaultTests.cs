using System.Diagnostics;
using Npgsql;
using Xunit.Abstractions;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Faults made on purpose while callers create referrals through the gateway (gRPC and REST): RabbitMQ stopped,
/// the referrals service and the monitoring service killed with SIGKILL, PostgreSQL restarted. After each one:
/// every acknowledged create exists, its event reached Monitoring exactly once, callers saw only clean errors
/// (gRPC Unavailable, REST 503 with Retry-After), and creates succeed again with no step beyond bringing the
/// faulted process back. Each test uses its own municipality, so counts are not disturbed by the others. The system runs
/// two replicas of each service: "killed" kills both; "one replica killed" kills replica 2 while replica 1 carries on.
/// In the monolith shape "referrals killed" kills the one process of every module, with the same promises.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class FaultTests(BoardsAppFixture boards, ITestOutputHelper output)
{
    private const int Callers = 4;
    private static readonly TimeSpan LoadBeforeFault = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan FaultHeld = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan LoadAfterRecovery = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan LoadLimit = TimeSpan.FromMinutes(3);
    // How long the gateway may go on sending to a replica that died (its passive health check, docs/configuration.md).
    private static readonly TimeSpan ReplicaNoticed = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task RabbitMQ_stopped_mid_load_loses_no_event_and_callers_see_no_error()
    {
        var report = await RunFaultAsync("capiibary", "broker down",
            inject: () => boards.StopResourceAsync("rabbitmq"),
            recover: async () =>
            {
                await boards.StartResourceAsync("rabbitmq");
                using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                await boards.App.ResourceNotifications.WaitForResourceHealthyAsync("rabbitmq", patience.Token);
            });

        // Creates only touch PostgreSQL: the outbox holds the events, so the broker's absence is invisible to callers.
        Assert.Equal(0, report.CleanErrorCount);
    }

    [Fact]
    public async Task Referrals_service_killed_mid_load_loses_no_acknowledged_create_and_callers_see_only_Unavailable_or_503()
    {
        var report = await RunFaultAsync("tembiapora", "referrals killed",
            inject: () => boards.KillServiceAsync("referrals", 6101),
            recover: () => boards.RestartServiceAsync("referrals"));

        Assert.True(report.CleanErrorCount > 0, "With the referrals service dead, callers should have been told it is unavailable.");
    }

    [Trait(BoardsAppFixture.ShapeTrait, BoardsAppFixture.ServicesShapeOnly)] // monitoring alone stops only as a service of its own
    [Fact]
    public async Task Monitoring_killed_mid_consumption_counts_every_event_exactly_once_after_it_is_back()
    {
        var report = await RunFaultAsync("san-juan-nepomuceno", "monitoring killed",
            inject: () => boards.KillServiceAsync("monitoring", 6111),
            recover: () => boards.RestartServiceAsync("monitoring"));

        Assert.Equal(0, report.CleanErrorCount);
    }

    [Fact]
    public async Task One_referrals_replica_killed_mid_load_loses_no_acknowledged_create_and_the_gateway_moves_to_the_other()
    {
        var (name, port) = BoardsAppFixture.ReplicasOf("referrals", 6101).Last();
        var killedAt = DateTime.MaxValue;
        var restoringAt = DateTime.MaxValue;
        var report = await RunFaultAsync("tembiapora", "one referrals replica killed",
            inject: async () =>
            {
                await boards.KillReplicaAsync(name, port);
                killedAt = DateTime.UtcNow;
            },
            recover: () =>
            {
                restoringAt = DateTime.UtcNow;
                return boards.RestartReplicaAsync(name);
            });

        // The other replica takes the creates while this one is dead, and the gateway stops sending to the dead one:
        // callers may meet a clean error only in the first moments after the kill.
        Assert.True(report.SuccessesBetween(killedAt, restoringAt) > 0, $"No create succeeded while {name} was dead. {report.Summary()}");
        Assert.Equal(0, report.ErrorsBetween(killedAt + ReplicaNoticed, restoringAt));
    }

    [Trait(BoardsAppFixture.ShapeTrait, BoardsAppFixture.ServicesShapeOnly)] // monitoring alone stops only as a service of its own
    [Fact]
    public async Task One_monitoring_replica_killed_mid_consumption_still_counts_every_event_exactly_once()
    {
        var (name, port) = BoardsAppFixture.ReplicasOf("monitoring", 6111).Last();
        var report = await RunFaultAsync("san-juan-nepomuceno", "one monitoring replica killed",
            inject: () => boards.KillReplicaAsync(name, port),
            recover: () => boards.RestartReplicaAsync(name));

        Assert.Equal(0, report.CleanErrorCount);
    }

    [Fact]
    public async Task PostgreSQL_restarted_mid_load_loses_no_acknowledged_create_and_callers_see_only_Unavailable_or_503()
    {
        var report = await RunFaultAsync("alberdi", "database restart",
            inject: () => boards.StopPostgresAbruptlyAsync(),
            recover: async () =>
            {
                await boards.StartPostgresAsync();
                // This test process's own pooled connections died with the server; the services' pools heal themselves.
                NpgsqlConnection.ClearAllPools();
            });

        Assert.True(report.CleanErrorCount > 0, "With PostgreSQL down, callers should have been told the service is unavailable.");

        // Every service, and the identity provider, recovers by itself; on the way a caller meets at most 503 + Retry-After.
        var probes = await RecoveryProbe.UntilEveryServiceAnswersAsync(boards, TimeSpan.FromSeconds(90));
        foreach (var probe in probes)
        {
            output.WriteLine($"database restart, recovery: {probe}");
        }

        Assert.All(probes, probe => Assert.All(probe.Failures, failure => Assert.Equal("503+Retry-After", failure)));
    }

    private async Task<CreateLoad> RunFaultAsync(string municipality, string fault, Func<Task> inject, Func<Task> recover)
    {
        var sentBefore = await DeliveryChecks.SentAsync(boards, municipality);
        var factsBefore = await DeliveryChecks.FactsInAsync(municipality);
        var load = new CreateLoad(boards, municipality);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(Callers, stop.Token, LoadLimit);
        var clock = Stopwatch.StartNew();

        TimeSpan injectedAt, restoringAt, restoredAt;
        try
        {
            await Task.Delay(LoadBeforeFault);
            Assert.NotEmpty(load.Acknowledged);
            injectedAt = clock.Elapsed;
            try
            {
                await inject();
                await Task.Delay(FaultHeld);
            }
            finally
            {
                // Always bring it back: the other end-to-end tests share these processes.
                restoringAt = clock.Elapsed;
                await recover();
                restoredAt = clock.Elapsed;
            }

            await Task.Delay(LoadAfterRecovery);
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }

        var restoringUtc = DateTime.UtcNow - (clock.Elapsed - restoringAt);
        var firstSuccess = load.FirstSuccessAfter(restoringUtc);
        output.WriteLine($"{fault}: {load.Summary()}");
        output.WriteLine($"{fault}: fault injected at {injectedAt.TotalSeconds:F1} s, restore started at {restoringAt.TotalSeconds:F1} s, " +
                         $"restored (healthy) at {restoredAt.TotalSeconds:F1} s, first acknowledged create " +
                         $"{(firstSuccess is { } at ? $"{(at - restoringUtc).TotalSeconds:F1} s" : "never")} after the restore started");

        foreach (var message in load.CleanMessages)
        {
            output.WriteLine($"{fault}: caller read \"{message}\"");
        }

        Assert.True(load.UncleanErrors.Count == 0, $"{fault}: callers saw errors that are not Unavailable / 503 + Retry-After: {load.Summary()}");
        Assert.True(firstSuccess is not null, $"{fault}: no create succeeded after recovery. {load.Summary()}");

        var acknowledged = load.Acknowledged.Select(Guid.Parse).ToList();
        Assert.Equal(acknowledged.Count, acknowledged.Distinct().Count());
        Assert.Empty(await DeliveryChecks.MissingReferralsAsync(acknowledged));

        var delivery = Stopwatch.StartNew();
        await Eventually.Until(DeliveryChecks.UnpublishedOutboxMessagesAsync, pending => pending == 0, TimeSpan.FromSeconds(120),
            $"{fault}: the outbox to drain");
        await Eventually.Until(() => DeliveryChecks.FactsAsync(acknowledged), facts => facts == acknowledged.Count, TimeSpan.FromSeconds(120),
            $"{fault}: monitoring to hold a fact for each of the {acknowledged.Count} acknowledged referrals");
        output.WriteLine($"{fault}: every acknowledged referral was in monitoring {delivery.Elapsed.TotalSeconds:F1} s after the load ended");

        // Exactly once: one creation event per referral, recorded once in Monitoring's inbox ...
        var messages = await DeliveryChecks.CreationMessagesAsync(acknowledged);
        Assert.Equal(acknowledged.Count, messages.Count);
        var inbox = await DeliveryChecks.InboxRowsAsync(messages.Values.ToList());
        Assert.Equal(messages.Count, inbox.Count);
        Assert.All(inbox, row => Assert.Equal(1, row.Value));

        // ... and counted once: the municipality's "sent" grew by exactly the facts that arrived (acknowledged or not:
        // a create committed just before a kill is a referral too, and must be counted once like the others).
        var factsAfter = await DeliveryChecks.FactsInAsync(municipality);
        var sentAfter = await Eventually.Until(() => DeliveryChecks.SentAsync(boards, municipality), sent => sent - sentBefore >= factsAfter - factsBefore,
            TimeSpan.FromSeconds(30), $"{fault}: the municipality's totals to catch up");
        Assert.Equal(factsAfter - factsBefore, sentAfter - sentBefore);
        Assert.True(factsAfter - factsBefore >= acknowledged.Count);
        return load;
    }
}
