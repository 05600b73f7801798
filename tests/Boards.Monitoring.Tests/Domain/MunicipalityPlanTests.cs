namespace Boards.Monitoring.Tests.Domain;

public sealed class MunicipalityPlanTests
{
    private const string Code = "repatriacion";
    private static readonly DateTimeOffset T0 = new(2026, 3, 10, 13, 0, 0, TimeSpan.Zero);
    private static readonly Guid PlanId = Guid.CreateVersion7();

    private static PlanApproval Approval(int version, decimal progress, DateTimeOffset at, int year = 2026) =>
        new(Code, PlanId, year, version, progress, 5 + version, at, at);

    private static PlanActionChange Change(DateTimeOffset at, PlanFigures plan, int year = 2026, long version = 1) =>
        new(Code, PlanId, year, Guid.CreateVersion7(), version, "in_progress", 50, new DateOnly(year, 6, 30), false, plan, at);

    [Fact]
    public void The_highest_approved_version_wins_in_any_order()
    {
        var plan = MunicipalityPlan.From(Approval(2, 10, T0.AddDays(30)));

        Assert.False(plan.Apply(Approval(1, 0, T0)));
        Assert.False(plan.Apply(Approval(2, 10, T0.AddDays(30))));

        var snapshot = plan.ToSnapshot();
        Assert.Equal((2, 10m, 7), (snapshot.Version, snapshot.Progress, snapshot.ActionCount));
        Assert.Equal(T0.AddDays(30), snapshot.ApprovedAt);
    }

    [Fact]
    public void Progress_comes_from_the_newest_event_and_the_action_counts_from_the_newest_roll_up()
    {
        var plan = MunicipalityPlan.From(Change(T0.AddDays(60), new PlanFigures(42.25m, 6, 2, 1)));

        Assert.False(plan.Apply(Change(T0.AddDays(40), new PlanFigures(20, 6, 0, 0))));
        // An approval newer than the roll-up gives progress and action count; the overdue and done counts stay.
        Assert.True(plan.Apply(Approval(1, 44.44m, T0.AddDays(70))));

        var snapshot = plan.ToSnapshot();
        Assert.Equal((1, 44.4m, 6, 2, 1), (snapshot.Version, snapshot.Progress, snapshot.ActionCount, snapshot.OverdueActions, snapshot.DoneActions));
        Assert.Equal(T0.AddDays(70), snapshot.UpdatedAt);
    }

    [Fact]
    public void Without_an_approval_there_is_no_version()
    {
        var snapshot = MunicipalityPlan.From(Change(T0, new PlanFigures(15, 4, 1, 0))).ToSnapshot();

        Assert.Null(snapshot.Version);
        Assert.Null(snapshot.ApprovedAt);
        Assert.Equal((2026, 15m, 4, 1, 0), (snapshot.Year, snapshot.Progress, snapshot.ActionCount, snapshot.OverdueActions, snapshot.DoneActions));
    }

    [Fact]
    public void A_later_year_starts_over_and_an_earlier_year_is_ignored()
    {
        var plan = MunicipalityPlan.From(Approval(3, 80, T0));
        plan.Apply(Change(T0.AddDays(1), new PlanFigures(81, 9, 4, 5)));

        Assert.True(plan.Apply(Change(T0.AddDays(2), new PlanFigures(5, 3, 0, 0), year: 2027)));
        Assert.False(plan.Apply(Approval(4, 90, T0.AddDays(5))));
        Assert.False(plan.Apply(Change(T0.AddDays(6), new PlanFigures(99, 9, 9, 9))));

        var snapshot = plan.ToSnapshot();
        Assert.Equal((2027, (int?)null, 5m, 3, 0, 0), (snapshot.Year, snapshot.Version, snapshot.Progress, snapshot.ActionCount,
            snapshot.OverdueActions, snapshot.DoneActions));
        Assert.Null(snapshot.ApprovedAt);
    }

    [Fact]
    public void Progress_is_shown_with_one_decimal_halves_away_from_zero()
    {
        Assert.Equal(42.3m, MunicipalityPlan.From(Approval(1, 42.25m, T0)).ToSnapshot().Progress);
        Assert.Equal(33.3m, MunicipalityPlan.From(Approval(1, 33.333m, T0)).ToSnapshot().Progress);
    }

    [Fact]
    public void Only_a_higher_action_version_replaces_the_action()
    {
        var change = Change(T0, new PlanFigures(10, 2, 0, 0), version: 3);
        var action = PlanAction.From(change);

        Assert.False(action.Apply(change with { ActionVersion = 2, Status = "done" }));
        Assert.False(action.Apply(change with { Status = "done" }));
        Assert.True(action.Apply(change with { ActionVersion = 4, Status = "done" }));
        Assert.Equal(("done", 4L), (action.Status, action.ActionVersion));
    }
}
