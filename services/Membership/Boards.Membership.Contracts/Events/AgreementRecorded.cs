namespace Boards.Membership.Contracts.Events;

/// <summary>An agreement (acuerdo) of a board session was recorded; Planning can turn it into a plan action.</summary>
public sealed record AgreementRecorded
{
    public required string MunicipalityCode { get; init; }
    public required Guid BoardId { get; init; }
    public required Guid SessionId { get; init; }
    public required Guid AgreementId { get; init; }
    public required string What { get; init; }
    /// <summary>The responsible institution's code.</summary>
    public required string ResponsibleInstitution { get; init; }
    public required DateOnly DueOn { get; init; }
    /// <summary>pending, in_progress, done or cancelled.</summary>
    public required string Status { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
