namespace Boards.Membership.Contracts.Events;

/// <summary>
/// Where the identity link of a focal point term stands changed: the term's account was granted the municipality's
/// focal-point scope, could not be, or lost it. Published in the transaction that records it on the term (after each
/// <see cref="FocalPointAppointed"/>, and when the current focal point's account is corrected). A consumer keeps, per
/// <see cref="TermId"/>, the one with the newest <see cref="UpdatedAt"/>. No personal data: ids and codes only.
/// </summary>
public sealed record FocalPointAccessChanged
{
    public required Guid BoardId { get; init; }
    public required string MunicipalityCode { get; init; }
    public required Guid TermId { get; init; }
    public required Guid MemberId { get; init; }
    /// <summary>pending, granted, no_account, failed, revoked or superseded (docs/membership.md, "Identity link").</summary>
    public required string Access { get; init; }
    /// <summary>Whether the term is the board's current one (not ended) when the access was recorded.</summary>
    public required bool CurrentTerm { get; init; }
    /// <summary>When the access was recorded on the term.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
