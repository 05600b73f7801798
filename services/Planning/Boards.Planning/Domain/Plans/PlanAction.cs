namespace Boards.Planning.Domain.Plans;

/// <summary>
/// An action of a plan objective. Structure (title … indicators' definitions) changes only in a draft; execution
/// (status, progress, indicators' current values) is tracked on the approved plan. Version grows with every change.
/// </summary>
public sealed class PlanAction
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PlanId { get; init; }
    public Guid ObjectiveId { get; set; }
    public int Number { get; init; }
    public required string Title { get; set; }
    public Horizon Horizon { get; set; }
    public required string InstitutionCode { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    /// <summary>Guaraníes (no cents).</summary>
    public long Budget { get; set; }
    public decimal Weight { get; set; } = 1m;
    public List<Indicator> Indicators { get; set; } = [];
    /// <summary>The board agreement (Membership) this action came from, if any.</summary>
    public Guid? AgreementId { get; init; }
    public ActionStatus Status { get; set; }
    public decimal Progress { get; set; }
    public bool ProgressOverridden { get; set; }
    public string? ProgressReason { get; set; }
    public long Version { get; set; } = 1;
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }

    /// <summary>
    /// When a PlanActionProgressed with Overdue = true went out for the current overdue episode (from the overdue sweep
    /// or from a progress report); null while none has. Cleared when the action is done or cancelled, or its end date
    /// moves later, so that a later overdue is announced again.
    /// </summary>
    public DateTimeOffset? OverdueAnnouncedAt { get; set; }

    public bool IsOverdue(DateOnly today) => EndsOn < today && !Status.IsClosed();

    /// <summary>Overdue and not yet announced: what the overdue sweep publishes.</summary>
    public bool NeedsOverdueAnnouncement(DateOnly today) => RemovedAt is null && OverdueAnnouncedAt is null && IsOverdue(today);

    /// <summary>
    /// Marks the overdue episode as announced. The version goes up, so the event that announces it carries a higher
    /// ActionVersion than any published before (consumers keep the highest per action).
    /// </summary>
    public void MarkOverdueAnnounced(DateTimeOffset now)
    {
        OverdueAnnouncedAt = now;
        Version++;
    }

    /// <summary>After a progress report: its event announces the overdue (or its end), so the mark follows it.</summary>
    public void TrackOverdueAnnounced(bool overdueEventPublished, DateTimeOffset now) =>
        OverdueAnnouncedAt = overdueEventPublished ? OverdueAnnouncedAt ?? now : null;

    /// <summary>A new end date: moved later, the deadline is a new one and its overdue (if any) is announced afresh.</summary>
    public void ChangeEndsOn(DateOnly endsOn)
    {
        if (endsOn > EndsOn)
        {
            OverdueAnnouncedAt = null;
        }

        EndsOn = endsOn;
    }
}
