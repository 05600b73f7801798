using Boards.Referrals.Consumers;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Tests.Integration.Watch;

/// <summary>
/// Issue 21: every referral event was delivered to each replica's WatchReferrals queue, watched or not. The queue is
/// there only while someone on the replica watches (and <see cref="OnDemandWatchHost.IdleTime"/> after), and a watcher
/// still misses nothing from the moment its headers arrive.
/// </summary>
public sealed class OnDemandWatchQueueTests(OnDemandWatchHost host) : IClassFixture<OnDemandWatchHost>
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_watch_queue_exists_only_while_someone_watches_and_a_new_watcher_after_it_went_gets_every_change_again()
    {
        var integrator = await host.TokenAsync(null, BoardsRoles.Integrator);
        var client = TwoReplicasHost.Client(host.Factory, integrator);
        await WaitUntilNoQueueAsync();

        // Nobody watches: the event goes out on the broker, and this replica does not receive it.
        var unwatched = await client.CreateReferralAsync(TwoReplicasHost.NewReferral());
        await PublishedAsync(unwatched.Id);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Null(host.WatchQueue.Endpoint.QueueName);
        Assert.False(host.Consumed.Of(unwatched.Id));

        // A watcher: the queue consumes before the stream's headers, so a change made right after reaches it.
        var first = await StreamRecorder.OpenAsync(client);
        var queue = host.WatchQueue.Endpoint.QueueName;
        Assert.NotNull(queue);
        Assert.StartsWith($"{ReferralWatchQueue.QueuePrefix}-", queue, StringComparison.Ordinal);
        Assert.True(await TestRabbitMq.QueueExistsAsync(queue));
        var watched = await client.CreateReferralAsync(TwoReplicasHost.NewReferral());
        await first.WaitForAsync(watched.Id, 1, Delivery);
        Assert.True(host.Consumed.Of(watched.Id));

        // The last watcher leaves: the queue stays for the idle time, then the broker has it no more.
        await first.DisposeAsync();
        await ServiceTestHost<Program>.WaitUntilAsync(() => Task.FromResult(host.WatchQueue.Endpoint.Listeners == 0), "the stream to be released");
        Assert.True(await TestRabbitMq.QueueExistsAsync(queue));
        await WaitUntilNoQueueAsync();
        await ServiceTestHost<Program>.WaitUntilAsync(async () => !await TestRabbitMq.QueueExistsAsync(queue), $"the broker to delete {queue}");
        var afterwards = await client.CreateReferralAsync(TwoReplicasHost.NewReferral());
        await PublishedAsync(afterwards.Id);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(host.Consumed.Of(afterwards.Id));

        // A new watcher: a new queue, and the changes reach it again.
        await using var second = await StreamRecorder.OpenAsync(client);
        var again = host.WatchQueue.Endpoint.QueueName;
        Assert.NotNull(again);
        Assert.NotEqual(queue, again);
        var later = await client.CreateReferralAsync(TwoReplicasHost.NewReferral());
        await second.WaitForAsync(later.Id, 1, Delivery);
        Assert.Empty(second.Of(afterwards.Id));
        Assert.Null(second.EndedWith);
    }

    [Fact]
    public async Task A_watcher_that_comes_back_within_the_idle_time_finds_the_same_queue_and_a_since_replay_covers_the_gap()
    {
        var integrator = await host.TokenAsync(null, BoardsRoles.Integrator);
        var client = TwoReplicasHost.Client(host.Factory, integrator);
        var before = await StreamRecorder.OpenAsync(client);
        var queue = host.WatchQueue.Endpoint.QueueName;
        var lastSeenAt = DateTimeOffset.UtcNow;
        await before.DisposeAsync();

        var meanwhile = await client.CreateReferralAsync(TwoReplicasHost.NewReferral());
        await using var back = await StreamRecorder.OpenAsync(client,
            new Proto.WatchReferralsRequest { Since = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(lastSeenAt.AddMinutes(-1)) });
        var after = await client.CreateReferralAsync(TwoReplicasHost.NewReferral());

        Assert.Equal(queue, host.WatchQueue.Endpoint.QueueName);
        await back.WaitForAsync(meanwhile.Id, 1, Delivery);
        await back.WaitForAsync(after.Id, 1, Delivery);
    }

    private async Task PublishedAsync(string referralId) =>
        await ServiceTestHost<Program>.WaitUntilAsync(
            () => Task.FromResult(host.Published.Any(e => e.ReferralId == Guid.Parse(referralId))), $"ReferralRequested {referralId} on the broker");

    private async Task WaitUntilNoQueueAsync() =>
        await ServiceTestHost<Program>.WaitUntilAsync(() => Task.FromResult(host.WatchQueue.Endpoint.QueueName is null), "the watch queue to go");
}
