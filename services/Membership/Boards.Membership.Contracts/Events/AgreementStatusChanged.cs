namespace Boards.Membership.Contracts.Events;

/// <summary>The status of a recorded agreement changed (pending, in_progress, done, cancelled).</summary>
public sealed record AgreementStatusChanged
{
    public required string MunicipalityCode { get; init; }
    public required Guid BoardId { get; init; }
    public required Guid SessionId { get; init; }
    public required Guid AgreementId { get; init; }
    public required string PreviousStatus { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
