namespace Boards.ServiceDays.Domain;

public enum ReferralEntryStatus
{
    /// <summary>Stored, not yet accepted by the referrals service (being sent, or never answered).</summary>
    Pending,
    /// <summary>The referrals service created it: the person data is erased, the referral id kept.</summary>
    Sent,
    /// <summary>
    /// The last attempt failed; Error says why, FailureKind whether a retry or a correction is needed. The person data is
    /// kept for either.
    /// </summary>
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
/// RequestId is derived from the day and the tablet's EntryId, so a retry can never create a second referral; an entry
/// the referrals service refused keeps it when the tablet corrects it (<see cref="Correct"/>).
/// </summary>
public sealed class ReferralEntry
{
    // Given whole at creation (init); the content changes only through Correct, the outcome through the methods below.
    private ReferralEntryStatus _status;
    private string? _pendingPayload;
    private string _contentHash = "";
    private string _originInstitution = "";
    private string _destinationInstitution = "";
    private string? _destinationMunicipalityCode;
    private string _serviceCode = "";
    private string _needCategory = "";
    private string _priority = "";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ServiceDayId { get; init; }
    public required string EntryId { get; init; }
    public required string RequestId { get; init; }
    /// <summary>Keyed digest of the whole entry, person data included: a resend with other content is refused, or corrects a refused entry.</summary>
    public required string ContentHash { get => _contentHash; init => _contentHash = value; }
    public ReferralEntryStatus Status { get => _status; init => _status = value; }
    public required string OriginInstitution { get => _originInstitution; init => _originInstitution = value; }
    public required string DestinationInstitution { get => _destinationInstitution; init => _destinationInstitution = value; }
    public string? DestinationMunicipalityCode { get => _destinationMunicipalityCode; init => _destinationMunicipalityCode = value; }
    public required string ServiceCode { get => _serviceCode; init => _serviceCode = value; }
    public required string NeedCategory { get => _needCategory; init => _needCategory = value; }
    public required string Priority { get => _priority; init => _priority = value; }
    /// <summary>JSON of the person, consent and reason while not delivered; null once sent or expired.</summary>
    public string? PendingPayload { get => _pendingPayload; init => _pendingPayload = value; }
    public string? ReferralId { get; private set; }
    /// <summary>What Referrals answered (status, availability message), in Spanish.</summary>
    public string? Outcome { get; private set; }
    public string? Error { get; private set; }
    /// <summary>Why the last delivery failed (<see cref="ReferralFailureKind"/>) while failed; null otherwise.</summary>
    public string? FailureKind { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset ReceivedAt { get; init; }
    public required string ReceivedBy { get; init; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Pending or failed: still to be sent. A sent entry is done; an expired one has lost the data to send.</summary>
    public bool AwaitsDelivery => Status is ReferralEntryStatus.Pending or ReferralEntryStatus.Failed;

    /// <summary>Failed because the referrals service refused it (not for want of an answer): it takes a correction.</summary>
    public bool NeedsCorrection => Status == ReferralEntryStatus.Failed && ReferralFailureKind.NeedsCorrection(FailureKind);

    /// <summary>A resend under the same entry id carries the same content (or corrects a refused entry).</summary>
    public bool HasContent(string contentHash) => ContentHash == contentHash;

    /// <summary>
    /// Replaces the content of an entry the referrals service refused (a field, a code, a service no longer offered) with
    /// the tablet's correction, which then waits to be sent under the same request id: Referrals kept nothing of the
    /// refused request. Any other entry keeps its content, and other content under its id is a reused id. An institution
    /// (<paramref name="actingInstitution"/>, null for whoever manages the day) corrects only the entries it found.
    /// </summary>
    public void Correct(ReferralNeed need, string contentHash, string pendingPayload, string? actingInstitution)
    {
        if (!NeedsCorrection || (actingInstitution is not null && actingInstitution != OriginInstitution))
        {
            throw ReusedId();
        }

        _contentHash = contentHash;
        _originInstitution = need.OriginInstitution;
        _destinationInstitution = need.DestinationInstitution;
        _destinationMunicipalityCode = need.DestinationMunicipalityCode;
        _serviceCode = need.ServiceCode;
        _needCategory = need.NeedCategory;
        _priority = need.Priority;
        _pendingPayload = pendingPayload;
        _status = ReferralEntryStatus.Pending;
        Error = null;
        FailureKind = null;
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
        FailureKind = null;
        _pendingPayload = null;
    }

    /// <summary>
    /// Not delivered this time: say why, in Spanish, and as a <see cref="ReferralFailureKind"/>; keep the person data for
    /// the retry or the correction.
    /// </summary>
    public void MarkFailed(string error, string failureKind)
    {
        if (!ReferralFailureKind.All.Contains(failureKind))
        {
            throw new ArgumentOutOfRangeException(nameof(failureKind), failureKind, "Not a ReferralFailureKind.");
        }

        _status = ReferralEntryStatus.Failed;
        Error = error;
        FailureKind = failureKind;
    }

    private AlreadyExistsException ReusedId() => new(
        $"La referencia '{EntryId}' ya se registró con otro contenido: use un identificador nuevo para otra persona o necesidad.") { Title = "Identificador reutilizado." };
}

/// <summary>What a referral entry asks for, without the person: who found the need, for whom, which service.</summary>
public sealed record ReferralNeed(
    string OriginInstitution, string DestinationInstitution, string? DestinationMunicipalityCode, string ServiceCode, string NeedCategory, string Priority);
