namespace Boards.Referrals.Tests.Domain;

/// <summary>Time to accept and time to counter-refer (DOMAIN.md "Deadlines"): due soon in the last 20%, overdue after.</summary>
public sealed class ReferralDeadlineTests
{
    private static readonly DateTimeOffset T0 = TestReferrals.T0;

    [Theory]
    [InlineData(Priority.Urgent, 1)]
    [InlineData(Priority.High, 3)]
    [InlineData(Priority.Normal, 5)]
    public void While_requested_the_deadline_is_the_time_to_accept_of_its_priority(Priority priority, int days)
    {
        var referral = TestReferrals.New(priority);

        Assert.Equal(T0.AddDays(days), referral.AcceptBy);
        Assert.Null(referral.CounterReferBy);
        Assert.Equal(("accept", T0.AddDays(days), T0), referral.CurrentDeadline);
    }

    [Fact]
    public void The_deadlines_come_from_the_policy_the_ministry_set()
    {
        var policy = new DeadlinePolicy { Urgent = new Deadlines { Accept = TimeSpan.FromHours(4), CounterReferral = TimeSpan.FromDays(2) } };

        var referral = TestReferrals.New(Priority.Urgent, policy: policy);
        referral.Accept(TestReferrals.Destination, null, T0.AddHours(1), policy);

        Assert.Equal(T0.AddHours(4), referral.AcceptBy);
        Assert.Equal(T0.AddHours(1).AddDays(2), referral.CounterReferBy);
    }

    [Theory]
    [InlineData(Priority.Urgent, 7)]
    [InlineData(Priority.High, 15)]
    [InlineData(Priority.Normal, 30)]
    public void After_acceptance_the_deadline_is_the_time_to_counter_refer_counted_from_acceptance(Priority priority, int days)
    {
        var referral = TestReferrals.New(priority);
        var acceptedAt = T0.AddHours(20);

        referral.Accept(TestReferrals.Destination, null, acceptedAt, TestReferrals.Policy);

        Assert.Equal(acceptedAt.AddDays(days), referral.CounterReferBy);
        Assert.Equal(acceptedAt, referral.AcceptedAt);
        Assert.Equal(("counter_referral", acceptedAt.AddDays(days), acceptedAt), referral.CurrentDeadline);
    }

    [Theory]
    [InlineData(ReferralStatus.InProgress)]
    [InlineData(ReferralStatus.OnHold)]
    public void Starting_or_holding_keeps_the_counter_referral_deadline(ReferralStatus status)
    {
        var referral = TestReferrals.InState(status);
        var acceptedAt = referral.AcceptedAt!.Value;

        Assert.Equal("counter_referral", referral.CurrentDeadline!.Value.Kind);
        Assert.Equal(acceptedAt.AddDays(30), referral.CurrentDeadline.Value.DueAt);
        Assert.False(referral.IsOverdue(acceptedAt.AddDays(30)));
        Assert.True(referral.IsOverdue(acceptedAt.AddDays(30).AddSeconds(1)));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(60 * 24 * 3, false)]
    [InlineData(60 * 24 * 4 - 1, false)] // 1 minute before the last 20% of a 5-day window
    [InlineData(60 * 24 * 4, true)] // exactly 20% left
    [InlineData(60 * 24 * 4 + 1, true)]
    [InlineData(60 * 24 * 5, true)] // at the deadline: still due soon, not yet overdue
    [InlineData(60 * 24 * 5 + 1, false)] // past it: overdue instead
    public void A_requested_referral_is_due_soon_within_the_last_fifth_of_the_time_to_accept(int minutes, bool dueSoon)
    {
        var referral = TestReferrals.New(Priority.Normal);

        Assert.Equal(dueSoon, referral.IsDueSoon(T0.AddMinutes(minutes), TestReferrals.Policy));
    }

    [Theory]
    [InlineData(60 * 24 * 5, false)]
    [InlineData(60 * 24 * 5 + 1, true)]
    [InlineData(60 * 24 * 40, true)]
    public void A_requested_referral_is_overdue_only_after_the_time_to_accept(int minutes, bool overdue)
    {
        var referral = TestReferrals.New(Priority.Normal);

        Assert.Equal(overdue, referral.IsOverdue(T0.AddMinutes(minutes)));
    }

    [Fact]
    public void An_accepted_referral_is_due_soon_in_the_last_fifth_of_the_counter_referral_window_and_overdue_after()
    {
        var referral = TestReferrals.New(Priority.Normal);
        var acceptedAt = T0.AddDays(2);
        referral.Accept(TestReferrals.Destination, null, acceptedAt, TestReferrals.Policy);

        // 30-day window from acceptance: the last 20% is the last 6 days.
        Assert.False(referral.IsDueSoon(acceptedAt.AddDays(23), TestReferrals.Policy));
        Assert.False(referral.IsDueSoon(acceptedAt.AddDays(24).AddMinutes(-1), TestReferrals.Policy));
        Assert.True(referral.IsDueSoon(acceptedAt.AddDays(24).AddMinutes(1), TestReferrals.Policy));
        Assert.False(referral.IsOverdue(acceptedAt.AddDays(30)));
        Assert.True(referral.IsOverdue(acceptedAt.AddDays(30).AddSeconds(1)));
        Assert.False(referral.IsDueSoon(acceptedAt.AddDays(30).AddSeconds(1), TestReferrals.Policy));
    }

    [Fact]
    public void Accepting_late_ends_the_accept_overdue_and_starts_a_fresh_counter_referral_window()
    {
        var referral = TestReferrals.New(Priority.Normal);
        var late = T0.AddDays(8);
        Assert.True(referral.IsOverdue(late));

        referral.Accept(TestReferrals.Destination, null, late, TestReferrals.Policy);

        Assert.False(referral.IsOverdue(late.AddHours(1)));
        Assert.False(referral.IsDueSoon(late.AddHours(1), TestReferrals.Policy));
        Assert.Equal(late.AddDays(30), referral.CounterReferBy);
    }

    [Fact]
    public void The_due_soon_share_is_the_policys()
    {
        var policy = new DeadlinePolicy { DueSoonFraction = 0.5 };
        var referral = TestReferrals.New(Priority.Normal, policy: policy);

        Assert.False(referral.IsDueSoon(T0.AddDays(2.4), policy));
        Assert.True(referral.IsDueSoon(T0.AddDays(2.6), policy));
        Assert.False(referral.IsDueSoon(T0.AddDays(2.6), TestReferrals.Policy));
    }

    [Theory]
    [InlineData(ReferralStatus.Rejected)]
    [InlineData(ReferralStatus.Completed)]
    [InlineData(ReferralStatus.Failed)]
    [InlineData(ReferralStatus.Cancelled)]
    public void A_closed_referral_has_no_deadline_and_is_never_overdue_or_due_soon(ReferralStatus status)
    {
        var referral = TestReferrals.InState(status);
        var muchLater = T0.AddDays(365);

        Assert.Null(referral.CurrentDeadline);
        Assert.False(referral.IsOverdue(muchLater));
        Assert.False(referral.IsDueSoon(T0.AddDays(4.5), TestReferrals.Policy));
        Assert.False(referral.MarkOverdueRaised(muchLater));
    }

    [Fact]
    public void A_referral_not_yet_overdue_raises_nothing()
    {
        var referral = TestReferrals.New(Priority.Normal);

        Assert.False(referral.MarkOverdueRaised(T0.AddDays(5)));
        Assert.Null(referral.AcceptOverdueRaisedAt);
    }

    [Fact]
    public void A_missed_accept_deadline_is_raised_once()
    {
        var referral = TestReferrals.New(Priority.Urgent);
        var first = T0.AddDays(1).AddMinutes(1);

        Assert.True(referral.MarkOverdueRaised(first));
        Assert.False(referral.MarkOverdueRaised(first.AddMinutes(1)));
        Assert.False(referral.MarkOverdueRaised(first.AddDays(3)));
        Assert.Equal(first, referral.AcceptOverdueRaisedAt);
        Assert.Null(referral.CounterReferralOverdueRaisedAt);
    }

    [Fact]
    public void After_acceptance_a_missed_counter_referral_deadline_is_raised_once_more()
    {
        var referral = TestReferrals.New(Priority.Urgent);
        Assert.True(referral.MarkOverdueRaised(T0.AddDays(2)));
        var acceptedAt = T0.AddDays(2).AddHours(1);
        referral.Accept(TestReferrals.Destination, null, acceptedAt, TestReferrals.Policy);

        Assert.False(referral.MarkOverdueRaised(acceptedAt.AddDays(6)));
        var missed = acceptedAt.AddDays(7).AddMinutes(5);
        Assert.True(referral.MarkOverdueRaised(missed));
        Assert.False(referral.MarkOverdueRaised(missed.AddDays(1)));

        Assert.Equal(missed, referral.CounterReferralOverdueRaisedAt);
        Assert.Equal(T0.AddDays(2), referral.AcceptOverdueRaisedAt);
    }

    [Fact]
    public void Raising_an_overdue_is_not_a_status_change()
    {
        var referral = TestReferrals.New(Priority.Urgent);

        referral.MarkOverdueRaised(T0.AddDays(2));

        Assert.Equal(1, referral.Version);
        Assert.Single(referral.History);
        Assert.Equal(ReferralStatus.Requested, referral.Status);
    }
}
