namespace Boards.Referrals.Contracts.Events;

/// <summary>
/// What every referral event says. Status and Version are the referral's after the change, so a consumer can apply
/// events in any order: a lower version than the one it holds is old news. No personal data: only PersonKey.
/// </summary>
public abstract record ReferralEvent
{
    public Guid ReferralId { get; init; }
    public string MunicipalityCode { get; init; } = "";
    public string DestinationMunicipalityCode { get; init; } = "";
    public string OriginInstitution { get; init; } = "";
    public string DestinationInstitution { get; init; } = "";
    public string ServiceCode { get; init; } = "";
    public string NeedCategory { get; init; } = "";
    public string Priority { get; init; } = "";
    public string PersonKey { get; init; } = "";
    /// <summary>requested, accepted, rejected, in_progress, on_hold, completed, failed, cancelled.</summary>
    public string Status { get; init; } = "";
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public string Actor { get; init; } = "";
}
