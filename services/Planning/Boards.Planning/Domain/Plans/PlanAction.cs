namespace Boards.Planning.Domain.Plans;

/// <summary>
/// An action of a plan objective. Structure (title … indicators' definitions) changes only in a draft, through its
/// <see cref="Plan"/>; execution (status, progress, indicators' current values) is tracked on the approved plan too
/// (<see cref="RecordProgress"/>). Version grows with every change.
/// </summary>
public sealed class PlanAction
{
    private PlanAction()
    {
    }

    public Guid Id { get; private init; }
    public Guid PlanId { get; private init; }
    public Guid ObjectiveId { get; private set; }
    public int Number { get; private init; }
    public string Title { get; private set; } = "";
    public Horizon Horizon { get; private set; }
    public string InstitutionCode { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    /// <summary>Guaraníes (no cents).</summary>
    public long Budget { get; private set; }
    public decimal Weight { get; private set; } = 1m;
    public List<Indicator> Indicators { get; private set; } = [];
    /// <summary>The board agreement (Membership) this action came from, if any.</summary>
    public Guid? AgreementId { get; private init; }
    public ActionStatus Status { get; private set; }
    public decimal Progress { get; private set; }
    public bool ProgressOverridden { get; private set; }
    public string? ProgressReason { get; private set; }
    public long Version { get; private set; } = 1;
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public DateTimeOffset? RemovedAt { get; private set; }

    /// <summary>
    /// When a PlanActionProgressed with Overdue = true went out for the current overdue episode (from the overdue sweep
    /// or from a progress report); null while none has. Cleared when the action is done or cancelled, or its end date
    /// moves later, so that a later overdue is announced again.
    /// </summary>
    public DateTimeOffset? OverdueAnnouncedAt { get; private set; }

    public bool IsOverdue(DateOnly today) => EndsOn < today && !Status.IsClosed();

    /// <summary>Overdue and not yet announced: what the overdue sweep publishes.</summary>
    public bool NeedsOverdueAnnouncement(DateOnly today) => RemovedAt is null && OverdueAnnouncedAt is null && IsOverdue(today);

    internal static PlanAction Create(Guid planId, int number, ActionDefinition definition, Guid? agreementId, string actor, DateTimeOffset now)
    {
        var action = new PlanAction
        {
            Id = Guid.CreateVersion7(),
            PlanId = planId,
            Number = number,
            AgreementId = agreementId,
            UpdatedAt = now,
            UpdatedBy = actor,
        };
        action.Apply(definition);
        return action;
    }

    internal void Redefine(ActionDefinition definition, string actor, DateTimeOffset now)
    {
        Apply(definition);
        Touch(actor, now);
    }

    internal void Remove(DateTimeOffset now)
    {
        RemovedAt = now;
        Version++;
    }

    /// <summary>
    /// A status with its progress (the status's default, or an override with a reason: <see cref="ProgressRules"/>) and
    /// indicators' current values, on the version the person read. Allowed on a draft and on an approved plan alike.
    /// Returns whether the action is overdue after the change: what its PlanActionProgressed announces.
    /// </summary>
    public bool RecordProgress(ProgressReport report, long expectedVersion, string actor, DateTimeOffset now, DateOnly today)
    {
        ExpectedVersion.Ensure(expectedVersion, Version, "la acción");
        var decision = ProgressRules.Decide(report.Status, Progress, report.Progress, report.Reason);
        Status = report.Status;
        Progress = decision.Progress;
        ProgressOverridden = decision.Overridden;
        ProgressReason = decision.Reason;
        Indicators = Indicators.Select(indicator =>
            report.Indicators.FirstOrDefault(v => string.Equals(v.Name, indicator.Name, StringComparison.OrdinalIgnoreCase)) is { } value
                ? indicator with { CurrentValue = value.CurrentValue }
                : indicator).ToList();
        Touch(actor, now);

        var overdue = IsOverdue(today);
        // The progress event tells consumers whether the action is overdue: the overdue sweep need not announce it again.
        TrackOverdueAnnounced(overdue, now);
        return overdue;
    }

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
    internal void TrackOverdueAnnounced(bool overdueEventPublished, DateTimeOffset now) =>
        OverdueAnnouncedAt = overdueEventPublished ? OverdueAnnouncedAt ?? now : null;

    /// <summary>A new end date: moved later, the deadline is a new one and its overdue (if any) is announced afresh.</summary>
    internal void ChangeEndsOn(DateOnly endsOn)
    {
        if (endsOn > EndsOn)
        {
            OverdueAnnouncedAt = null;
        }

        EndsOn = endsOn;
    }

    private void Touch(string actor, DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
        UpdatedBy = actor;
    }

    private void Apply(ActionDefinition definition)
    {
        ObjectiveId = definition.ObjectiveId;
        Title = definition.Title;
        Horizon = definition.Horizon;
        InstitutionCode = definition.Institution;
        StartsOn = definition.StartsOn;
        ChangeEndsOn(definition.EndsOn);
        Budget = definition.Budget;
        Weight = definition.Weight;
        // Current values already tracked survive a correction of the definitions.
        var tracked = Indicators.ToDictionary(i => i.Name, i => i.CurrentValue, StringComparer.OrdinalIgnoreCase);
        Indicators = definition.Indicators
            .Select(i => i.CurrentValue is null && tracked.TryGetValue(i.Name, out var current) ? i with { CurrentValue = current } : i)
            .ToList();
    }
}
