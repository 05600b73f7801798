namespace Boards.Notifications.Tests.Domain;

public sealed class DeadlineTrackTests
{
    private static readonly EscalationPolicy Policy = new(TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(5));
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_chain_goes_due_soon_overdue_focal_point_analysts_one_step_at_a_time()
    {
        var track = new DeadlineTrack();
        var due = Now.AddDays(3);
        track.Open(due, Policy, Now);

        Assert.Null(track.TakeDueStep(Policy, Now));
        Assert.Equal(EscalationStep.DueSoon, track.TakeDueStep(Policy, due.AddDays(-1)));
        // Long after everything fell due, still one step per pass, in order.
        var later = due.AddDays(10);
        Assert.Equal(EscalationStep.Overdue, track.TakeDueStep(Policy, later));
        Assert.Equal(EscalationStep.FocalPoint, track.TakeDueStep(Policy, later));
        Assert.Equal(EscalationStep.Analysts, track.TakeDueStep(Policy, later));
        Assert.Null(track.TakeDueStep(Policy, later));
        Assert.False(track.IsOpen);
    }

    [Fact]
    public void A_deadline_already_past_skips_due_soon_and_a_closed_one_gives_nothing()
    {
        var track = new DeadlineTrack();
        track.Open(Now.AddHours(-1), Policy, Now);
        Assert.Equal(EscalationStep.Overdue, track.TakeDueStep(Policy, Now));

        track.Close();
        Assert.Null(track.TakeDueStep(Policy, Now.AddDays(30)));
    }

    [Fact]
    public void Referrals_overdue_event_takes_the_overdue_step_once()
    {
        var track = new DeadlineTrack();
        track.Open(Now.AddHours(1), Policy, Now);
        Assert.True(track.TakeOverdue(Now.AddHours(1), Policy));
        Assert.False(track.TakeOverdue(Now.AddHours(1), Policy));
        Assert.Equal(EscalationStep.FocalPoint, track.Step);
    }

    [Fact]
    public void An_older_event_changes_nothing()
    {
        var referral = TrackedReferral.Start(new ReferralFacts(Guid.NewGuid(), "yhu", "mds", "yhu", "mspbs", "s", "urgent"));
        Assert.True(referral.Advance(2, "accepted"));
        Assert.False(referral.Advance(1, "requested"));
        Assert.Equal("accepted", referral.Status);
    }
}

public sealed class ParaguayTimeTests
{
    [Fact]
    public void The_latest_occurrence_of_a_time_is_today_once_passed_and_yesterday_before()
    {
        // 15:30 in Asunción (UTC−3) is 18:30 UTC.
        var now = new DateTimeOffset(2026, 12, 6, 18, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 7, 0, 0, TimeSpan.FromHours(-3)), ParaguayTime.LatestOccurrence(new TimeOnly(7, 0), now));
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 16, 0, 0, TimeSpan.FromHours(-3)), ParaguayTime.LatestOccurrence(new TimeOnly(16, 0), now));
    }

    [Theory]
    [InlineData("07:00", true)]
    [InlineData("23:59", true)]
    [InlineData("24:00", false)]
    [InlineData("7:00", false)]
    [InlineData("07:60", false)]
    [InlineData("", false)]
    public void A_digest_time_is_HH_mm(string text, bool valid) => Assert.Equal(valid, PreferenceRules.TryParseTime(text, out _));
}
