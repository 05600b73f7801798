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

    public bool IsOverdue(DateOnly today) => EndsOn < today && !Status.IsClosed();
}
