namespace Boards.Monitoring.Tests.Domain;

public sealed class ReferralFactTests
{
    private static readonly Guid Id = Guid.CreateVersion7();
    private static readonly DateTimeOffset Created = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static ReferralChange Change(ReferralChangeKind kind, ReferralStatus status, long version, double dayOffset = 0) =>
        new(kind, Id, "alto-vera", status, version, Created, Created.AddDays(dayOffset));

    private static ReferralChange Requested() => Change(ReferralChangeKind.Requested, ReferralStatus.Requested, 1);
    private static ReferralChange Accepted(double day = 1) => Change(ReferralChangeKind.Accepted, ReferralStatus.Accepted, 2, day);
    private static ReferralChange Started(double day = 2) => Change(ReferralChangeKind.Started, ReferralStatus.InProgress, 3, day);

    [Fact]
    public void A_new_fact_takes_status_version_origin_and_creation_from_its_first_event()
    {
        var fact = ReferralFact.Start(Requested());

        Assert.Equal(Id, fact.ReferralId);
        Assert.Equal("alto-vera", fact.MunicipalityCode);
        Assert.Equal(ReferralStatus.Requested, fact.Status);
        Assert.Equal(1, fact.Version);
        Assert.Equal(Created, fact.CreatedAt);
        Assert.Null(fact.AcceptedAt);
        Assert.False(fact.Overdue);
        Assert.True(fact.IsOpen);
    }

    [Fact]
    public void Acceptance_records_the_status_and_the_date_of_the_accepted_event()
    {
        var fact = ReferralFact.Start(Requested());

        Assert.True(fact.Apply(Accepted(day: 1.5)));

        Assert.Equal(ReferralStatus.Accepted, fact.Status);
        Assert.Equal(2, fact.Version);
        Assert.Equal(Created.AddDays(1.5), fact.AcceptedAt);
    }

    [Fact]
    public void Accepted_before_requested_ends_up_accepted()
    {
        var fact = ReferralFact.Start(Accepted(day: 1));

        Assert.False(fact.Apply(Requested())); // old news

        Assert.Equal(ReferralStatus.Accepted, fact.Status);
        Assert.Equal(2, fact.Version);
        Assert.Equal(Created.AddDays(1), fact.AcceptedAt);
    }

    [Fact]
    public void Applying_the_same_event_twice_changes_nothing_the_second_time()
    {
        var fact = ReferralFact.Start(Requested());
        Assert.True(fact.Apply(Accepted()));

        Assert.False(fact.Apply(Accepted()));

        Assert.Equal(2, fact.Version);
    }

    [Fact]
    public void A_later_status_does_not_invent_an_acceptance_date()
    {
        var fact = ReferralFact.Start(Requested());
        fact.Apply(Started(day: 2));

        Assert.Equal(ReferralStatus.InProgress, fact.Status);
        Assert.Null(fact.AcceptedAt);
    }

    [Fact]
    public void A_late_accepted_event_still_records_the_date_but_not_its_older_status()
    {
        var fact = ReferralFact.Start(Started(day: 2));

        Assert.True(fact.Apply(Accepted(day: 1)));

        Assert.Equal(ReferralStatus.InProgress, fact.Status);
        Assert.Equal(3, fact.Version);
        Assert.Equal(Created.AddDays(1), fact.AcceptedAt);
    }

    [Fact]
    public void The_counter_referral_date_comes_from_the_counter_referred_event()
    {
        var fact = ReferralFact.Start(Requested());
        fact.Apply(Accepted());
        fact.Apply(Change(ReferralChangeKind.CounterReferred, ReferralStatus.Failed, 3, dayOffset: 6));

        Assert.Equal(ReferralStatus.Failed, fact.Status);
        Assert.Equal(Created.AddDays(6), fact.CounterReferredAt);
        Assert.False(fact.IsOpen);
    }

    [Fact]
    public void Overdue_of_the_current_version_marks_the_fact_overdue()
    {
        var fact = ReferralFact.Start(Requested());

        Assert.True(fact.Apply(Change(ReferralChangeKind.Overdue, ReferralStatus.Requested, 1, dayOffset: 5)));

        Assert.True(fact.Overdue);
        Assert.True(fact.IsOverdueNow);
        Assert.Equal(ReferralStatus.Requested, fact.Status);
    }

    [Fact]
    public void Overdue_of_an_older_version_is_ignored()
    {
        var fact = ReferralFact.Start(Requested());
        fact.Apply(Accepted());

        Assert.False(fact.Apply(Change(ReferralChangeKind.Overdue, ReferralStatus.Requested, 1, dayOffset: 5)));

        Assert.False(fact.Overdue);
    }

    [Fact]
    public void A_newer_status_clears_overdue()
    {
        var fact = ReferralFact.Start(Requested());
        fact.Apply(Change(ReferralChangeKind.Overdue, ReferralStatus.Requested, 1, dayOffset: 5));

        Assert.True(fact.Apply(Accepted(day: 6)));

        Assert.False(fact.Overdue);
        Assert.False(fact.IsOverdueNow);
    }

    [Fact]
    public void A_missed_counter_referral_deadline_stays_overdue_while_the_referral_is_worked_on_and_clears_when_it_closes()
    {
        var fact = ReferralFact.Start(Requested());
        fact.Apply(Accepted(day: 1));
        fact.Apply(Change(ReferralChangeKind.Overdue, ReferralStatus.Accepted, 2, dayOffset: 40));

        fact.Apply(Change(ReferralChangeKind.Started, ReferralStatus.InProgress, 3, dayOffset: 41));
        Assert.True(fact.IsOverdueNow);
        fact.Apply(Change(ReferralChangeKind.PutOnHold, ReferralStatus.OnHold, 4, dayOffset: 42));
        Assert.True(fact.IsOverdueNow);

        fact.Apply(Change(ReferralChangeKind.CounterReferred, ReferralStatus.Completed, 5, dayOffset: 43));
        Assert.False(fact.Overdue);
    }

    [Fact]
    public void Overdue_arriving_before_its_status_event_takes_that_status_and_stays_overdue()
    {
        var fact = ReferralFact.Start(Requested());
        fact.Apply(Change(ReferralChangeKind.Overdue, ReferralStatus.Accepted, 2, dayOffset: 40));

        Assert.Equal(ReferralStatus.Accepted, fact.Status);
        Assert.True(fact.Overdue);

        fact.Apply(Accepted(day: 1)); // same version: the status is already known, the deadline still missed

        Assert.True(fact.Overdue);
        Assert.Equal(Created.AddDays(1), fact.AcceptedAt);
    }

    [Fact]
    public void Overdue_as_the_very_first_event_counts()
    {
        var fact = ReferralFact.Start(Change(ReferralChangeKind.Overdue, ReferralStatus.Requested, 1, dayOffset: 5));

        Assert.True(fact.IsOverdueNow);
        Assert.Equal(ReferralStatus.Requested, fact.Status);
    }

    [Theory]
    [InlineData(ReferralStatus.Rejected)]
    [InlineData(ReferralStatus.Completed)]
    [InlineData(ReferralStatus.Failed)]
    [InlineData(ReferralStatus.Cancelled)]
    public void A_final_status_is_never_overdue(ReferralStatus final)
    {
        var fact = ReferralFact.Start(Requested());
        fact.Apply(Change(ReferralChangeKind.Overdue, ReferralStatus.Requested, 1, dayOffset: 5));
        var kind = final switch
        {
            ReferralStatus.Rejected => ReferralChangeKind.Rejected,
            ReferralStatus.Cancelled => ReferralChangeKind.Cancelled,
            _ => ReferralChangeKind.CounterReferred,
        };
        fact.Apply(Change(kind, final, 2, dayOffset: 6));

        Assert.False(fact.Overdue);

        // Even an overdue event claiming the final version (a producer bug) does not make it overdue.
        fact.Apply(Change(ReferralChangeKind.Overdue, final, 2, dayOffset: 7));
        Assert.False(fact.Overdue);
        Assert.False(fact.IsOverdueNow);
    }

    [Fact]
    public void A_change_for_another_referral_is_refused()
    {
        var fact = ReferralFact.Start(Requested());

        Assert.Throws<ArgumentException>(() => fact.Apply(Requested() with { ReferralId = Guid.CreateVersion7() }));
    }

    [Theory]
    [InlineData("requested", ReferralStatus.Requested)]
    [InlineData("accepted", ReferralStatus.Accepted)]
    [InlineData("rejected", ReferralStatus.Rejected)]
    [InlineData("in_progress", ReferralStatus.InProgress)]
    [InlineData("on_hold", ReferralStatus.OnHold)]
    [InlineData("completed", ReferralStatus.Completed)]
    [InlineData("failed", ReferralStatus.Failed)]
    [InlineData("cancelled", ReferralStatus.Cancelled)]
    public void Status_codes_round_trip(string code, ReferralStatus status)
    {
        Assert.Equal(status, ReferralStatuses.Parse(code));
        Assert.Equal(code, status.Code());
    }

    [Fact]
    public void An_unknown_status_code_is_a_contract_violation()
    {
        Assert.Throws<FormatException>(() => ReferralStatuses.Parse("archived"));
    }

    [Fact]
    public void Open_statuses_are_requested_accepted_in_progress_and_on_hold()
    {
        Assert.Equal(
            [ReferralStatus.Requested, ReferralStatus.Accepted, ReferralStatus.InProgress, ReferralStatus.OnHold],
            Enum.GetValues<ReferralStatus>().Where(s => s.IsOpen()));
    }
}
