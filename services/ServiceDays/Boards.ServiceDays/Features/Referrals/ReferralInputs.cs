using Boards.ServiceDays.Domain;
using Boards.BuildingBlocks.Api.Limits;
namespace Boards.ServiceDays.Features.Referrals;

public sealed record RecordReferralsCommand
{
    [MaxItems(ServiceDaysLimits.ReferralEntries)]
    public IReadOnlyList<ReferralEntryInput?>? Entries { get; init; }
}

/// <summary>A need found on the day: who (with consent recorded on site), what, and for whom in the destination.</summary>
public sealed record ReferralEntryInput
{
    /// <summary>Chosen by the tablet, unique within the day; resend the same entry with the same id.</summary>
    [MaxText(ServiceDaysLimits.EntryId)]
    public string? EntryId { get; init; }
    /// <summary>The participating institution that found the need.</summary>
    [MaxText(ServiceDaysLimits.Code)]
    public string? OriginInstitution { get; init; }
    [MaxText(ServiceDaysLimits.Code)]
    public string? DestinationInstitution { get; init; }
    /// <summary>Empty: the day's municipality.</summary>
    [MaxText(ServiceDaysLimits.Code)]
    public string? DestinationMunicipalityCode { get; init; }
    [MaxText(ServiceDaysLimits.Code)]
    public string? ServiceCode { get; init; }
    [MaxText(ServiceDaysLimits.Code)]
    public string? NeedCategory { get; init; }
    /// <summary>urgent, high or normal.</summary>
    [MaxText(ServiceDaysLimits.Choice)]
    public string? Priority { get; init; }
    [MaxText(ServiceDaysLimits.ReferralReason)]
    public string? Reason { get; init; }
    public PersonInput? Person { get; init; }
    public ConsentInput? Consent { get; init; }
}

public sealed record PersonInput
{
    [MaxText(ServiceDaysLimits.DocumentNumber)]
    public string? DocumentNumber { get; init; }
    public bool NoDocument { get; init; }
    [MaxText(ServiceDaysLimits.Text)]
    public string? GivenNames { get; init; }
    [MaxText(ServiceDaysLimits.Text)]
    public string? FamilyNames { get; init; }
    /// <summary>"YYYY-MM-DD".</summary>
    [MaxText(ServiceDaysLimits.Date)]
    public string? BirthDate { get; init; }
    /// <summary>female, male or other.</summary>
    [MaxText(ServiceDaysLimits.Choice)]
    public string? Sex { get; init; }
    [MaxText(ServiceDaysLimits.Phone)]
    public string? Phone { get; init; }
    [MaxText(ServiceDaysLimits.Text)]
    public string? Locality { get; init; }
}

public sealed record ConsentInput
{
    public bool Given { get; init; }
    [MaxText(ServiceDaysLimits.Text)]
    public string? GivenBy { get; init; }
}

/// <summary>What is kept only until Referrals accepts the referral: everything personal about it.</summary>
public sealed record PendingReferralData(PersonInput Person, ConsentInput Consent, string Reason);

public sealed record ReferralEntryView(
    string EntryId, string Status, string? ReferralId, string? Outcome, string? Error, int Attempts,
    string OriginInstitution, string DestinationInstitution, string ServiceCode, string NeedCategory, string Priority,
    DateTimeOffset? LastAttemptAt, DateTimeOffset? SentAt)
{
    public static ReferralEntryView From(ReferralEntry entry) => new(
        entry.EntryId, entry.Status.ToString().ToLowerInvariant(), entry.ReferralId, entry.Outcome, entry.Error, entry.Attempts,
        entry.OriginInstitution, entry.DestinationInstitution, entry.ServiceCode, entry.NeedCategory, entry.Priority,
        entry.LastAttemptAt, entry.SentAt);
}

public sealed record ReferralBatchResult(int Sent, int Failed, IReadOnlyList<ReferralEntryView> Entries);
