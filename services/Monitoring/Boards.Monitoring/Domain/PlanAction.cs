namespace Boards.Monitoring.Domain;

/// <summary>
/// One action of a plan as its latest PlanActionProgressed says. Only a higher ActionVersion replaces it, so an older
/// or repeated event of the action is recognised and changes nothing, not even the plan's figures.
/// </summary>
public sealed class PlanAction
{
    private PlanAction()
    {
        Code = "";
        Status = "";
    }

    public Guid ActionId { get; private set; }
    public Guid PlanId { get; private set; }
    public string Code { get; private set; }
    public int Year { get; private set; }
    public long ActionVersion { get; private set; }
    public string Status { get; private set; }
    public decimal Progress { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public bool Overdue { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }

    public static PlanAction From(PlanActionChange change)
    {
        var row = new PlanAction { ActionId = change.ActionId };
        row.Take(change);
        return row;
    }

    /// <summary>Applies a newer version of the action; false (nothing changes) when it is not newer.</summary>
    public bool Apply(PlanActionChange change)
    {
        if (change.ActionId != ActionId)
        {
            throw new ArgumentException($"The change is for action {change.ActionId}, not {ActionId}.", nameof(change));
        }

        if (change.ActionVersion <= ActionVersion)
        {
            return false;
        }

        Take(change);
        return true;
    }

    private void Take(PlanActionChange change)
    {
        PlanId = change.PlanId;
        Code = change.Code;
        Year = change.Year;
        ActionVersion = change.ActionVersion;
        Status = change.Status;
        Progress = change.Progress;
        EndsOn = change.EndsOn;
        Overdue = change.Overdue;
        OccurredAt = change.OccurredAt;
    }
}
