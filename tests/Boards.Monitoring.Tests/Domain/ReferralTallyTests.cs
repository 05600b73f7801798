namespace Boards.Monitoring.Tests.Domain;

/// <summary>What a fact adds to its municipality's totals, and how an event moves that.</summary>
public sealed class ReferralTallyTests
{
    private static readonly Guid Id = Guid.CreateVersion7();
    private static readonly DateTimeOffset Created = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static ReferralChange Change(ReferralChangeKind kind, ReferralStatus status, long version, double dayOffset = 0) =>
        new(kind, Id, "alto-vera", status, version, Created, Created.AddDays(dayOffset));

    private static FactMovement Apply(ReferralFact fact, ReferralChange change)
    {
        var before = FactState.Of(fact);
        fact.Apply(change);
        return FactMovement.Between(before, fact);
    }

    [Fact]
    public void A_new_requested_referral_adds_one_sent_and_one_open()
    {
        var fact = ReferralFact.Start(Change(ReferralChangeKind.Requested, ReferralStatus.Requested, 1));

        var movement = FactMovement.Between(null, fact);

        Assert.Equal(new ReferralTally(1, 1, 0, 0, 0, 0, 0, 0, 0), movement.Delta);
        Assert.Equal("alto-vera", movement.MunicipalityCode);
        Assert.False(movement.AcceptMedianChanged);
        Assert.False(movement.CounterReferralMedianChanged);
    }

    [Fact]
    public void Acceptance_adds_an_accepted_and_changes_the_accept_median_only()
    {
        var fact = ReferralFact.Start(Change(ReferralChangeKind.Requested, ReferralStatus.Requested, 1));

        var movement = Apply(fact, Change(ReferralChangeKind.Accepted, ReferralStatus.Accepted, 2, 1));

        Assert.Equal(new ReferralTally(0, 0, 1, 0, 0, 0, 0, 0, 0), movement.Delta);
        Assert.True(movement.AcceptMedianChanged);
        Assert.False(movement.CounterReferralMedianChanged);
    }

    [Fact]
    public void Overdue_counts_while_open_and_leaves_the_count_when_the_loop_closes()
    {
        var fact = ReferralFact.Start(Change(ReferralChangeKind.Requested, ReferralStatus.Requested, 1));
        Apply(fact, Change(ReferralChangeKind.Accepted, ReferralStatus.Accepted, 2, 1));

        var overdue = Apply(fact, Change(ReferralChangeKind.Overdue, ReferralStatus.Accepted, 2, 31));
        var closed = Apply(fact, Change(ReferralChangeKind.CounterReferred, ReferralStatus.Failed, 3, 35));

        Assert.Equal(new ReferralTally(0, 0, 0, 0, 0, 0, 0, 1, 0), overdue.Delta);
        Assert.Equal(new ReferralTally(0, -1, 0, 0, 0, 1, 0, -1, 1), closed.Delta);
        Assert.True(closed.CounterReferralMedianChanged);
        Assert.False(closed.AcceptMedianChanged);
    }

    [Fact]
    public void Old_news_moves_nothing()
    {
        var fact = ReferralFact.Start(Change(ReferralChangeKind.Requested, ReferralStatus.Requested, 1));
        Apply(fact, Change(ReferralChangeKind.Rejected, ReferralStatus.Rejected, 2, 1));

        var lateRequest = Apply(fact, Change(ReferralChangeKind.Requested, ReferralStatus.Requested, 1));
        var staleOverdue = Apply(fact, Change(ReferralChangeKind.Overdue, ReferralStatus.Requested, 1, 6));

        Assert.False(lateRequest.ChangesTotals);
        Assert.False(staleOverdue.ChangesTotals);
        Assert.Equal(new ReferralTally(1, 0, 0, 1, 0, 0, 0, 0, 0), ReferralTally.Of(fact));
    }

    [Fact]
    public void An_earlier_copy_of_the_acceptance_changes_the_median_but_not_the_counts()
    {
        var fact = ReferralFact.Start(Change(ReferralChangeKind.Accepted, ReferralStatus.Accepted, 2, 3));

        var earlier = Apply(fact, Change(ReferralChangeKind.Accepted, ReferralStatus.Accepted, 2, 1));
        var later = Apply(fact, Change(ReferralChangeKind.Accepted, ReferralStatus.Accepted, 2, 5));

        Assert.True(earlier.Delta.IsZero);
        Assert.True(earlier.AcceptMedianChanged);
        Assert.True(earlier.ChangesTotals);
        Assert.False(later.ChangesTotals);
    }

    [Fact]
    public void Every_status_lands_in_exactly_its_own_count()
    {
        (ReferralChangeKind Kind, ReferralStatus Status, ReferralTally Expected)[] cases =
        [
            (ReferralChangeKind.Started, ReferralStatus.InProgress, new(1, 1, 0, 0, 0, 0, 0, 0, 0)),
            (ReferralChangeKind.PutOnHold, ReferralStatus.OnHold, new(1, 1, 0, 0, 0, 0, 0, 0, 0)),
            (ReferralChangeKind.CounterReferred, ReferralStatus.Completed, new(1, 0, 0, 0, 1, 0, 0, 0, 1)),
            (ReferralChangeKind.Cancelled, ReferralStatus.Cancelled, new(1, 0, 0, 0, 0, 0, 1, 0, 0)),
            (ReferralChangeKind.Rejected, ReferralStatus.Rejected, new(1, 0, 0, 1, 0, 0, 0, 0, 0)),
        ];

        foreach (var (kind, status, expected) in cases)
        {
            Assert.Equal(expected, ReferralTally.Of(ReferralFact.Start(Change(kind, status, 3, 2))));
        }
    }
}
