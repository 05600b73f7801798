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
    // Status and PendingPayload are given whole at creation (init) and change only through the methods below.
    private ReferralEntryStatus _status;
    private string? _pendingPayload;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ServiceDayId { get; init; }
    public required string EntryId { get; init; }
    public required string RequestId { get; init; }
    /// <summary>Keyed digest of the whole entry, person data included: a resend with other content is refused.</summary>
    public required string ContentHash { get; init; }
    public ReferralEntryStatus Status { get => _status; init => _status = value; }
    public required string OriginInstitution { get; init; }
    public required string DestinationInstitution { get; init; }
    public string? DestinationMunicipalityCode { get; init; }
    public required string ServiceCode { get; init; }
    public required string NeedCategory { get; init; }
    public required string Priority { get; init; }
    /// <summary>JSON of the person, consent and reason while not delivered; null once sent or expired.</summary>
    public string? PendingPayload { get => _pendingPayload; init => _pendingPayload = value; }
    public string? ReferralId { get; private set; }
    /// <summary>What Referrals answered (status, availability message), in Spanish.</summary>
    public string? Outcome { get; private set; }
    public string? Error { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset ReceivedAt { get; init; }
    public required string ReceivedBy { get; init; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Pending or failed: still to be sent. A sent entry is done; an expired one has lost the data to send.</summary>
    public bool AwaitsDelivery => Status is ReferralEntryStatus.Pending or ReferralEntryStatus.Failed;

    /// <summary>A resend under the same entry id must carry the same content.</summary>
    public void EnsureSameContent(string contentHash)
    {
        if (ContentHash != contentHash)
        {
            throw new AlreadyExistsException(
                $"La referencia '{EntryId}' ya se registró con otro contenido: use un identificador nuevo para otra persona o necesidad.") { Title = "Identificador reutilizado." };
        }
    }

    /// <summary>An expired entry cannot be sent again: its person data is gone.</summary>
    public void EnsureCanRetry()
    {
        if (Status == ReferralEntryStatus.Expired)
        {
            throw new PreconditionFailedException("RETENTION", "expired",
                $"La referencia '{EntryId}' ya no se puede reintentar. {Error}") { Title = "Datos personales eliminados." };
        }
    }

    public void CountAttempt(DateTimeOffset now)
    {
        Attempts++;
        LastAttemptAt = now;
    }

    /// <summary>Referrals created it: keep its id and answer, erase the person data (ServiceDays keeps none for it any more).</summary>
    public void MarkSent(string referralId, string outcome, DateTimeOffset now)
    {
        _status = ReferralEntryStatus.Sent;
        ReferralId = referralId;
        SentAt = now;
        Outcome = outcome;
        Error = null;
        _pendingPayload = null;
    }

    /// <summary>Not delivered this time: say why, in Spanish, and keep the person data for the retry.</summary>
    public void MarkFailed(string error)
    {
        _status = ReferralEntryStatus.Failed;
        Error = error;
    }
}

/// <summary>What a referral entry asks for, without the person: who found the need, for whom, which service.</summary>
public sealed record ReferralNeed(
    string OriginInstitution, string DestinationInstitution, string? DestinationMunicipalityCode, string ServiceCode, string NeedCategory, string Priority);
