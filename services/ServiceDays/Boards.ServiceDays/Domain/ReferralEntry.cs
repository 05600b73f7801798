namespace Boards.ServiceDays.Domain;

public enum ReferralEntryStatus
{
    /// <summary>Stored, not yet accepted by the referrals service (being sent, or never answered).</summary>
    Pending,
    /// <summary>The referrals service created it: the person data is erased, the referral id kept.</summary>
    Sent,
    /// <summary>The last attempt failed; Error says why. The person data is kept for the retry.</summary>
    Failed,
    /// <summary>
    /// Not delivered within the retention period: the retention sweep erased the person data, Error says so, and the
    /// entry can no longer be sent.
    /// </summary>
    Expired,
}

/// <summary>
/// A need found on the day, to become a referral in the referrals service. Person data lives in PendingPayload only until
/// Referrals accepts the referral, then it is erased; what remains (codes, referral id, outcome) is not personal. An entry
/// never delivered loses it to the retention sweep (<see cref="ReferralEntryStatus.Expired"/>).
/// RequestId is derived from the day and the tablet's EntryId, so a retry can never create a second referral.
/// </summary>
public sealed class ReferralEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ServiceDayId { get; init; }
    public required string EntryId { get; init; }
    public required string RequestId { get; init; }
    /// <summary>Keyed digest of the whole entry, person data included: a resend with other content is refused.</summary>
    public required string ContentHash { get; init; }
    public ReferralEntryStatus Status { get; set; }
    public required string OriginInstitution { get; init; }
    public required string DestinationInstitution { get; init; }
    public string? DestinationMunicipalityCode { get; init; }
    public required string ServiceCode { get; init; }
    public required string NeedCategory { get; init; }
    public required string Priority { get; init; }
    /// <summary>JSON of <see cref="PendingReferralData"/> (person, consent, reason) while not delivered; null once sent or expired.</summary>
    public string? PendingPayload { get; set; }
    public string? ReferralId { get; set; }
    /// <summary>What Referrals answered (status, availability message), in Spanish.</summary>
    public string? Outcome { get; set; }
    public string? Error { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset ReceivedAt { get; init; }
    public required string ReceivedBy { get; init; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}
