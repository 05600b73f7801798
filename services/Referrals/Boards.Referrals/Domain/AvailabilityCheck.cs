namespace Boards.Referrals.Domain;

public enum AvailabilityVerification
{
    Verified = 1,
    NotVerified,
}

/// <summary>
/// What the offer catalog (the needs service) said about the destination service when the referral was sent.
/// CapacityStatus and WaitlistBand are the catalog's codes (available, waitlist, full; under_1_month, one_to_3_months,
/// over_3_months), null when the check could not be made. Message is Spanish, for the person at the desk.
/// </summary>
public sealed record AvailabilityCheck
{
    public required AvailabilityVerification Verification { get; init; }
    public string? CapacityStatus { get; init; }
    public string? WaitlistBand { get; init; }
    public bool Waitlisted { get; init; }
    public required string Message { get; init; }
    public DateTimeOffset CheckedAt { get; init; }
}
