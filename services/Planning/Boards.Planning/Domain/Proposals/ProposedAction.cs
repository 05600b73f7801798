namespace Boards.Planning.Domain.Proposals;

public enum ProposalStatus
{
    Proposed,
    Accepted,
    Dismissed,
}

/// <summary>
/// A board agreement (Membership's AgreementRecorded) waiting to become a plan action: a focal point accepts it into
/// an objective (it becomes an action linked to the agreement) or dismisses it with a reason.
/// </summary>
public sealed class ProposedAction
{
    public required Guid AgreementId { get; init; }
    public required string MunicipalityCode { get; init; }
    public required Guid SessionId { get; init; }
    public required string What { get; set; }
    public required string ResponsibleInstitution { get; set; }
    public required DateOnly DueOn { get; set; }
    /// <summary>The agreement's own status in Membership: pending, in_progress, done or cancelled.</summary>
    public required string AgreementStatus { get; set; }
    public DateTimeOffset AgreementUpdatedAt { get; set; }
    public ProposalStatus Status { get; set; }
    public DateTimeOffset ReceivedAt { get; init; }
    public Guid? PlanId { get; set; }
    public Guid? ActionId { get; set; }
    public string? DismissReason { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public long Version { get; set; } = 1;
}
