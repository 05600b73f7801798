namespace Boards.Monitoring.Domain;

/// <summary>
/// A municipality's current territorial action plan (PAT), from Planning's PlanApproved and PlanActionProgressed.
/// The current plan is the one of the latest year: an event of an earlier year is ignored, one of a later year starts
/// over. Within the year: the highest approved version wins; progress and action count come from the newest event
/// (OccurredAt) of either kind; overdue and done actions from the newest action roll-up (0 until one arrives).
/// </summary>
public sealed class MunicipalityPlan
{
    private MunicipalityPlan()
    {
        Code = "";
        Year = int.MinValue;
    }

    public string Code { get; private set; }
    public int Year { get; private set; }
    public Guid PlanId { get; private set; }
    public int? ApprovedVersion { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public decimal Progress { get; private set; }
    public int ActionCount { get; private set; }
    /// <summary>OccurredAt of the event that gave <see cref="Progress"/> and <see cref="ActionCount"/>.</summary>
    public DateTimeOffset FiguresAt { get; private set; }
    public int OverdueActions { get; private set; }
    public int DoneActions { get; private set; }
    /// <summary>OccurredAt of the action roll-up that gave the overdue and done counts; null before any.</summary>
    public DateTimeOffset? RollupAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static MunicipalityPlan From(PlanApproval approval)
    {
        var row = new MunicipalityPlan { Code = approval.Code };
        row.Apply(approval);
        return row;
    }

    public static MunicipalityPlan From(PlanActionChange change)
    {
        var row = new MunicipalityPlan { Code = change.Code };
        row.Apply(change);
        return row;
    }

    /// <summary>Applies an approval; false when it changes nothing (an earlier year, or nothing newer than held).</summary>
    public bool Apply(PlanApproval approval)
    {
        if (!Enter(approval.Code, approval.Year, approval.PlanId, out var changed))
        {
            return false;
        }

        if (ApprovedVersion is not { } held || approval.Version > held)
        {
            ApprovedVersion = approval.Version;
            ApprovedAt = approval.ApprovedAt;
            PlanId = approval.PlanId;
            changed = true;
        }

        changed |= TakeFigures(approval.Progress, approval.ActionCount, approval.OccurredAt);
        return changed;
    }

    /// <summary>Applies an action's roll-up; false when it changes nothing (an earlier year, or older than held).</summary>
    public bool Apply(PlanActionChange change)
    {
        if (!Enter(change.Code, change.Year, change.PlanId, out var changed))
        {
            return false;
        }

        changed |= TakeFigures(change.Plan.Progress, change.Plan.ActionCount, change.OccurredAt);
        if (RollupAt is not { } held || change.OccurredAt > held)
        {
            OverdueActions = change.Plan.OverdueActions;
            DoneActions = change.Plan.DoneActions;
            RollupAt = change.OccurredAt;
            changed = true;
        }

        return changed;
    }

    public PlanSnapshot ToSnapshot() =>
        new(Year, ApprovedVersion, Math.Round(Progress, 1, MidpointRounding.AwayFromZero), ActionCount, OverdueActions, DoneActions, ApprovedAt, UpdatedAt);

    /// <summary>False for an earlier year; a later year (or the first event) starts the plan over.</summary>
    private bool Enter(string code, int year, Guid planId, out bool restarted)
    {
        if (code != Code)
        {
            throw new ArgumentException($"The plan event is for {code}, not {Code}.", nameof(code));
        }

        restarted = year > Year;
        if (year < Year)
        {
            return false;
        }

        if (restarted)
        {
            Year = year;
            PlanId = planId;
            ApprovedVersion = null;
            ApprovedAt = null;
            FiguresAt = default;
            OverdueActions = 0;
            DoneActions = 0;
            RollupAt = null;
            UpdatedAt = default;
        }

        return true;
    }

    /// <summary>Takes progress and action count from the newest event; a tie keeps what is held.</summary>
    private bool TakeFigures(decimal progress, int actionCount, DateTimeOffset occurredAt)
    {
        if (occurredAt > UpdatedAt)
        {
            UpdatedAt = occurredAt;
        }

        if (FiguresAt != default && occurredAt <= FiguresAt)
        {
            return false;
        }

        Progress = progress;
        ActionCount = actionCount;
        FiguresAt = occurredAt;
        return true;
    }
}
