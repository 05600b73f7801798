namespace Boards.Planning.Domain.Proposals;

/// <summary>
/// The newest status of an agreement whose AgreementStatusChanged arrived before its AgreementRecorded (two outbox
/// relays, a redelivery): kept until the agreement is proposed, then applied to it and removed.
/// </summary>
public sealed class EarlyAgreementStatus
{
    private EarlyAgreementStatus()
    {
    }

    public Guid AgreementId { get; private init; }
    public string Status { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }

    public static EarlyAgreementStatus Hold(Guid agreementId, string status, DateTimeOffset occurredAt) =>
        new() { AgreementId = agreementId, Status = status, OccurredAt = occurredAt };

    /// <summary>Status changes may arrive in any order here too: only a newer one replaces the one held.</summary>
    public void Follow(string status, DateTimeOffset occurredAt)
    {
        if (OccurredAt < occurredAt)
        {
            Status = status;
            OccurredAt = occurredAt;
        }
    }
}
