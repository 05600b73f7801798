using Boards.Planning.Domain.Plans;

namespace Boards.Planning.Tests.Domain;

/// <summary>The overdue episode mark: announced once, cleared by done/cancelled or a later end date.</summary>
public sealed class OverdueAnnouncementTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static PlanAction Action(DateOnly endsOn, ActionStatus status = ActionStatus.NotStarted)
    {
        var plan = Plan.Open("test", 2026, null, "test", Now);
        var objective = plan.AddObjective(new ObjectiveDefinition("Objetivo", null, 1m, []));
        var action = plan.AddAction(new ActionDefinition(objective.Id, "Acción", Horizon.ShortTerm, "mds", endsOn, endsOn, 0, 1m, []), "test", Now);
        if (status != ActionStatus.NotStarted)
        {
            action.RecordProgress(new ProgressReport(status, null, null, []), action.Version, "test", Now, Today);
        }

        return action;
    }

    [Fact]
    public void Only_an_overdue_unannounced_current_action_needs_an_announcement_and_marking_bumps_the_version()
    {
        var overdue = Action(new DateOnly(2026, 3, 31));
        Assert.True(overdue.NeedsOverdueAnnouncement(Today));
        Assert.False(Action(Today).NeedsOverdueAnnouncement(Today)); // ends today: not overdue yet
        Assert.False(Action(new DateOnly(2026, 3, 31), ActionStatus.Done).NeedsOverdueAnnouncement(Today));
        Assert.False(Action(new DateOnly(2026, 3, 31), ActionStatus.Cancelled).NeedsOverdueAnnouncement(Today));
        var removed = Action(new DateOnly(2026, 3, 31));
        removed.Remove(Now);
        Assert.False(removed.NeedsOverdueAnnouncement(Today));

        overdue.MarkOverdueAnnounced(Now);
        Assert.Equal((Now, 2L), (overdue.OverdueAnnouncedAt, overdue.Version));
        Assert.False(overdue.NeedsOverdueAnnouncement(Today));
    }

    [Fact]
    public void A_later_end_date_or_a_report_that_is_not_overdue_clears_the_mark_an_earlier_date_keeps_it()
    {
        var action = Action(new DateOnly(2026, 4, 30));
        action.MarkOverdueAnnounced(Now);
        action.ChangeEndsOn(new DateOnly(2026, 4, 1));
        Assert.Equal(Now, action.OverdueAnnouncedAt);
        action.ChangeEndsOn(new DateOnly(2026, 5, 31));
        Assert.Null(action.OverdueAnnouncedAt);
        Assert.True(action.NeedsOverdueAnnouncement(Today));

        action.TrackOverdueAnnounced(overdueEventPublished: true, Now);
        Assert.Equal(Now, action.OverdueAnnouncedAt);
        action.TrackOverdueAnnounced(overdueEventPublished: true, Now.AddDays(1));
        Assert.Equal(Now, action.OverdueAnnouncedAt); // the episode keeps its first announcement
        action.TrackOverdueAnnounced(overdueEventPublished: false, Now);
        Assert.Null(action.OverdueAnnouncedAt);
    }
}
