using Boards.BuildingBlocks.Api.Limits;

namespace Boards.ServiceDays.Features.RecordReferrals;

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

/// <summary>How many entries reached the referrals service, and each entry's outcome.</summary>
public sealed record ReferralBatchResult(int Sent, int Failed, IReadOnlyList<ReferralEntryView> Entries);
