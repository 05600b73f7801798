using Google.Protobuf.WellKnownTypes;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Tests.Integration.Watch;

/// <summary>
/// Reported: WatchReferrals saw only the changes made on its own replica. The watch is fed from the bus: a watcher on
/// either replica sees each change of the other once, its own replica's too, and still only what it may read.
/// </summary>
public sealed class WatchAcrossReplicasTests(TwoReplicasHost host) : IClassFixture<TwoReplicasHost>
{
    /// <summary>The bound on the outbox's lag (a few hundred ms in practice) that a test waits for a change.</summary>
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(10);

    /// <summary>How long a test goes on listening after the last expected change, for a second copy of it.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_change_made_on_one_replica_reaches_the_watchers_of_both_exactly_once()
    {
        var integrator = await host.TokenAsync(null, BoardsRoles.Integrator);
        var onA = TwoReplicasHost.Client(host.ReplicaA, integrator);
        await using var watcherOnA = await StreamRecorder.OpenAsync(onA);
        await using var watcherOnB = await StreamRecorder.OpenAsync(TwoReplicasHost.Client(host.ReplicaB, integrator));

        var created = await onA.CreateReferralAsync(TwoReplicasHost.NewReferral());
        await watcherOnB.WaitForAsync(created.Id, 1, Delivery);
        await watcherOnA.WaitForAsync(created.Id, 1, Delivery);

        var destination = TwoReplicasHost.Client(host.ReplicaA, await host.OfficerTokenAsync("mds", "pilar"));
        await destination.AcceptReferralAsync(new Proto.AcceptReferralRequest { Id = created.Id, ExpectedVersion = 1 });
        await watcherOnB.WaitForAsync(created.Id, 2, Delivery);
        await watcherOnA.WaitForAsync(created.Id, 2, Delivery);
        await Task.Delay(Quiet);

        foreach (var watcher in new[] { watcherOnA, watcherOnB })
        {
            var changes = watcher.Of(created.Id);
            Assert.Equal([1L, 2L], changes.Select(c => c.Version));
            Assert.Equal([Proto.ReferralStatus.Requested, Proto.ReferralStatus.Accepted], changes.Select(c => c.Status));
            Assert.Equal("mds", changes[1].Referral.DestinationInstitution);
            // Read from the database on B as well: the whole referral, the person shown in full to the origin's integrator.
            Assert.Equal("Lucía", changes[1].Referral.Person.GivenNames);
        }
    }

    [Fact]
    public async Task A_watcher_of_another_municipality_or_institution_sees_nothing_of_the_other_replicas_referral()
    {
        var integrator = await host.TokenAsync(null, BoardsRoles.Integrator);
        var onA = TwoReplicasHost.Client(host.ReplicaA, integrator);
        var onB = (string token) => TwoReplicasHost.Client(host.ReplicaB, token);
        // The control: mspbs's integrator sees the referral on B, so B's feed had it.
        await using var control = await StreamRecorder.OpenAsync(onB(integrator));
        await using var focalOfYhu = await StreamRecorder.OpenAsync(onB(await host.TokenAsync("yhu", BoardsRoles.FocalPoint)));
        await using var mecOfficer = await StreamRecorder.OpenAsync(onB(await host.OfficerTokenAsync("mec", "alto-vera", "pilar")));
        await using var onlyYhu = await StreamRecorder.OpenAsync(onB(integrator), new Proto.WatchReferralsRequest { MunicipalityCode = "yhu" });

        var hidden = await onA.CreateReferralAsync(TwoReplicasHost.NewReferral("alto-vera", destination: "mds"));
        await control.WaitForAsync(hidden.Id, 1, Delivery);

        // After the hidden one, one referral each of them may see: once it arrives, the hidden one has long passed by.
        var ofYhu = await onA.CreateReferralAsync(TwoReplicasHost.NewReferral("yhu", destination: "mds"));
        var toMec = await onA.CreateReferralAsync(TwoReplicasHost.NewReferral("alto-vera", destination: "mec"));
        await focalOfYhu.WaitForAsync(ofYhu.Id, 1, Delivery);
        await onlyYhu.WaitForAsync(ofYhu.Id, 1, Delivery);
        await mecOfficer.WaitForAsync(toMec.Id, 1, Delivery);

        Assert.Empty(focalOfYhu.Of(hidden.Id));
        Assert.Empty(mecOfficer.Of(hidden.Id));
        Assert.Empty(onlyYhu.Of(hidden.Id));
        Assert.Empty(onlyYhu.Of(toMec.Id));
        Assert.Empty(focalOfYhu.Of(toMec.Id));
        Assert.Empty(mecOfficer.Of(ofYhu.Id));
    }

    [Fact]
    public async Task A_replay_of_since_and_the_late_event_of_the_same_change_deliver_it_once()
    {
        var integrator = await host.TokenAsync(null, BoardsRoles.Integrator);
        var since = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddSeconds(-1));
        var created = await TwoReplicasHost.Client(host.ReplicaA, integrator).CreateReferralAsync(TwoReplicasHost.NewReferral());

        // Opened on B at once: the replay reads the referral from the database, and its event comes from the bus after.
        await using var watcher = await StreamRecorder.OpenAsync(
            TwoReplicasHost.Client(host.ReplicaB, integrator), new Proto.WatchReferralsRequest { Since = since });
        await watcher.WaitForAsync(created.Id, 1, Delivery);
        await Task.Delay(Quiet);

        Assert.Single(watcher.Of(created.Id));
    }

    [Fact]
    public async Task A_replica_cut_off_from_the_broker_ends_its_streams_as_unavailable_and_a_resume_with_since_misses_nothing()
    {
        var integrator = await host.TokenAsync(null, BoardsRoles.Integrator);
        var onA = TwoReplicasHost.Client(host.ReplicaA, integrator);
        var onB = TwoReplicasHost.Client(host.ReplicaB, integrator);
        await using var watcher = await StreamRecorder.OpenAsync(onB);
        var lastSeenAt = DateTimeOffset.UtcNow;

        host.CutReplicaBFromBroker();
        await watcher.WaitForEndAsync(Delivery);

        Assert.Equal(StatusCode.Unavailable, watcher.EndedWith?.StatusCode);
        Assert.Contains("since", watcher.EndedWith!.Status.Detail, StringComparison.Ordinal);

        // Made while B is away from the broker: its event may never reach B. The replay of since brings it.
        var missed = await onA.CreateReferralAsync(TwoReplicasHost.NewReferral());
        await using var resumed = await ReopenAsync(onB, Timestamp.FromDateTimeOffset(lastSeenAt.AddMinutes(-1)));
        var later = await onA.CreateReferralAsync(TwoReplicasHost.NewReferral());
        await resumed.WaitForAsync(missed.Id, 1, Delivery);
        await resumed.WaitForAsync(later.Id, 1, Delivery);
        await Task.Delay(Quiet);

        Assert.Single(resumed.Of(missed.Id));
        Assert.Single(resumed.Of(later.Id));
    }

    /// <summary>Opens a stream, retrying while the replica answers Unavailable (it has not reconnected to the broker yet).</summary>
    private static async Task<StreamRecorder> ReopenAsync(Proto.ReferralService.ReferralServiceClient client, Timestamp since)
    {
        var deadline = DateTime.UtcNow + ServiceTestHost<Program>.Patience;
        while (true)
        {
            try
            {
                return await StreamRecorder.OpenAsync(client, new Proto.WatchReferralsRequest { Since = since });
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Unavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }
}
