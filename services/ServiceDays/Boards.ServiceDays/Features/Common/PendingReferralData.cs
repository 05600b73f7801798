using Boards.BuildingBlocks.Api.Limits;

namespace Boards.ServiceDays.Features.Common;

/// <summary>The person referred, as the tablet sends it; kept in the entry's pending payload until delivery.</summary>
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

/// <summary>The consent given on the day, and by whom.</summary>
public sealed record ConsentInput
{
    public bool Given { get; init; }
    [MaxText(ServiceDaysLimits.Text)]
    public string? GivenBy { get; init; }
}

/// <summary>What is kept only until Referrals accepts the referral: everything personal about it.</summary>
public sealed record PendingReferralData(PersonInput Person, ConsentInput Consent, string Reason);
