using Boards.Monitoring.Contracts.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace Boards.EndToEnd.Tests;

[Collection(BoardsCollection.Name)]
public sealed class ReferralLoopTests(BoardsAppFixture boards)
{
    [Fact]
    public async Task A_focal_point_refers_the_integrator_accepts_and_counter_refers_and_monitoring_sees_the_closed_loop()
    {
        var focal = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("focal.itakyry"));
        var integrator = BoardsAppFixture.Bearer(await boards.Tokens.ForIntegrator());
        var analyst = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("analyst"));
        var before = await boards.Monitoring.GetMunicipalityAsync(new GetMunicipalityRequest { Code = "itakyry" }, analyst);

        var created = await boards.Referrals.CreateReferralAsync(Requests.NewReferral("itakyry"), focal);
        Assert.Equal(ReferralStatus.Requested, created.Status);
        Assert.StartsWith("pk_", created.PersonKey);

        var accepted = await boards.Referrals.AcceptReferralAsync(
            new AcceptReferralRequest { Id = created.Id, ExpectedVersion = created.Version, Note = "Turno asignado" }, integrator);
        Assert.Equal(ReferralStatus.Accepted, accepted.Status);
        Assert.NotNull(accepted.CounterReferBy);

        var closed = await boards.Referrals.CounterReferAsync(new CounterReferRequest
        {
            Id = created.Id,
            ExpectedVersion = accepted.Version,
            CounterReferral = new CounterReferral
            {
                Attended = true,
                AttendedOn = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Outcome = Outcome.GotHelp,
                ServicesDelivered = { "control-prenatal" },
                Notes = "Control realizado, próxima cita en 30 días.",
            },
        }, integrator);

        Assert.Equal(ReferralStatus.Completed, closed.Status);
        Assert.Equal(
            [ReferralStatus.Requested, ReferralStatus.Accepted, ReferralStatus.Completed],
            closed.History.Select(h => h.To).ToArray());
        Assert.All(closed.History, h => Assert.False(string.IsNullOrEmpty(h.Actor)));

        var after = await Eventually.Until(
            () => boards.Monitoring.GetMunicipalityAsync(new GetMunicipalityRequest { Code = "itakyry" }, analyst).ResponseAsync,
            m => m.Referrals.Completed == before.Referrals.Completed + 1,
            what: "monitoring to count the completed referral");
        Assert.Equal(before.Referrals.Sent + 1, after.Referrals.Sent);
        Assert.Equal(before.Referrals.Accepted + 1, after.Referrals.Accepted);
        Assert.NotNull(after.ClosedLoopRate);
        Assert.NotNull(after.MedianDaysToAccept);
    }

    [Fact]
    public async Task A_rejected_referral_is_re_referred_naming_the_previous_one()
    {
        var focal = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("focal.itakyry"));
        var integrator = BoardsAppFixture.Bearer(await boards.Tokens.ForIntegrator());
        var first = await boards.Referrals.CreateReferralAsync(Requests.NewReferral("itakyry"), focal);
        var rejected = await boards.Referrals.RejectReferralAsync(
            new RejectReferralRequest { Id = first.Id, Reason = RejectionReason.NoCapacity, Note = "Sin cupos este mes" }, integrator);
        Assert.Equal(ReferralStatus.Rejected, rejected.Status);
        Assert.Equal(RejectionReason.NoCapacity, rejected.Rejection.Reason);

        var again = Requests.NewReferral("itakyry", destination: "mds");
        again.PreviousReferralId = first.Id;
        var second = await boards.Referrals.CreateReferralAsync(again, focal);
        Assert.Equal(first.Id, second.PreviousReferralId);
    }

    [Fact]
    public async Task Watching_referrals_replays_what_changed_since_then_streams_live_changes_within_the_callers_scope()
    {
        var integrator = BoardsAppFixture.Bearer(await boards.Tokens.ForIntegrator());
        var focal = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("focal.yhu"));
        var since = Timestamp.FromDateTime(DateTime.UtcNow);

        // Not the integrator's institution on either side: must not show up.
        await boards.Referrals.CreateReferralAsync(Requests.NewReferral("yhu", destination: "mec"), focal);
        var earlier = await boards.Referrals.CreateReferralAsync(Requests.NewReferral("yhu", destination: "mspbs"), focal);

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = boards.Referrals.WatchReferrals(new WatchReferralsRequest { Since = since }, integrator, cancellationToken: cancel.Token);
        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
        Assert.Equal(earlier.Id, watch.ResponseStream.Current.ReferralId);

        var live = await boards.Referrals.CreateReferralAsync(Requests.NewReferral("yhu", destination: "mspbs"), focal);
        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
        var change = watch.ResponseStream.Current;
        Assert.Equal(live.Id, change.ReferralId);
        Assert.Equal(ReferralStatus.Requested, change.Status);
        Assert.Equal("mspbs", change.Referral.DestinationInstitution);
    }

    [Fact]
    public async Task An_urgent_referral_not_accepted_in_time_is_flagged_overdue_and_monitoring_counts_it()
    {
        var focal = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("focal.laurel"));
        var analyst = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("analyst"));
        var created = await boards.Referrals.CreateReferralAsync(Requests.NewReferral("laurel", priority: Priority.Urgent), focal);
        Assert.False(created.Overdue);

        var overdue = await Eventually.Until(
            () => boards.Referrals.GetReferralAsync(new GetReferralRequest { Id = created.Id }, focal).ResponseAsync,
            r => r.Overdue, TimeSpan.FromSeconds(30), "the referral to pass its accept deadline");
        Assert.Equal(ReferralStatus.Requested, overdue.Status);

        var listed = await boards.Referrals.ListReferralsAsync(new ListReferralsRequest { MunicipalityCode = "laurel", OverdueOnly = true }, focal);
        Assert.Contains(listed.Referrals, r => r.Id == created.Id);

        await Eventually.Until(
            () => boards.Monitoring.GetMunicipalityAsync(new GetMunicipalityRequest { Code = "laurel" }, analyst).ResponseAsync,
            m => m.Referrals.Overdue >= 1, TimeSpan.FromSeconds(30), "monitoring to count the overdue referral");
    }
}
