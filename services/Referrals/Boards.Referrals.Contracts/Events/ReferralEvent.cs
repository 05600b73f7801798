namespace Boards.Referrals.Contracts.Events;

/// <summary>
/// What every referral event says. Status and Version are the referral's after the change, so a consumer can apply
/// events in any order: a lower version than the one it holds is old news. No personal data: only PersonKey.
/// </summary>
public abstract record ReferralEvent
{
    public required Guid ReferralId { get; init; }
    public required string MunicipalityCode { get; init; }
    public required string DestinationMunicipalityCode { get; init; }
    public required string OriginInstitution { get; init; }
    public required string DestinationInstitution { get; init; }
    public required string ServiceCode { get; init; }
    public required string NeedCategory { get; init; }
    public required string Priority { get; init; }
    public required string PersonKey { get; init; }
    /// <summary>requested, accepted, rejected, in_progress, on_hold, completed, failed, cancelled.</summary>
    public required string Status { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string Actor { get; init; }
}
