namespace Boards.Portal.Referrals;

/// <summary>Referrals' person record (<c>POST /api/referrals/{id}/person-record</c>, docs/referrals.md).</summary>
public sealed record PersonRecordView
{
    public string PersonKey { get; init; } = "";
    public Guid AnchorReferralId { get; init; }
    public string PersonData { get; init; } = "";
    public PersonView? Person { get; init; }
    public IReadOnlyList<PersonRecordEntry> Referrals { get; init; } = [];
    public bool Truncated { get; init; }
    public int TotalCount { get; init; }
}

/// <summary>One referral of the person: where it went, what became of it, and who answered.</summary>
public sealed record PersonRecordEntry
{
    public Guid Id { get; init; }
    public string Status { get; init; } = "";
    public string ServiceCode { get; init; } = "";
    public string MunicipalityCode { get; init; } = "";
    public string DestinationMunicipalityCode { get; init; } = "";
    public string OriginInstitution { get; init; } = "";
    public string DestinationInstitution { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public string? AnsweredBy { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public string? Outcome { get; init; }
    public string? RejectionReason { get; init; }
    public string? CancellationReason { get; init; }
}

/// <summary>The reason the person states before the record opens (it is written to the audit trail).</summary>
public sealed class PersonRecordForm
{
    public string? Reason { get; set; }
}
