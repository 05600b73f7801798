using Boards.BuildingBlocks.Api.Limits;

namespace Boards.Referrals.Features.CreateReferral;

/// <summary>
/// A request to send a referral, as it arrives over REST (JSON) or gRPC (mapped). Everything is optional here so that
/// the validator can name every missing field instead of the serializer failing on the first one.
/// </summary>
public sealed record CreateReferralCommand
{
    [MaxText(ReferralLimits.RequestId)]
    public string? RequestId { get; init; }
    [MaxText(ReferralLimits.Code)]
    public string? MunicipalityCode { get; init; }
    [MaxText(ReferralLimits.Code)]
    public string? DestinationMunicipalityCode { get; init; }
    [MaxText(ReferralLimits.Code)]
    public string? OriginInstitution { get; init; }
    [MaxText(ReferralLimits.Code)]
    public string? DestinationInstitution { get; init; }
    [MaxText(ReferralLimits.Code)]
    public string? ServiceCode { get; init; }
    [MaxText(ReferralLimits.Code)]
    public string? NeedCategory { get; init; }
    public Priority? Priority { get; init; }
    [MaxText(ReferralLimits.Reason)]
    public string? Reason { get; init; }
    public PersonInput? Person { get; init; }
    public ConsentInput? Consent { get; init; }
    [MaxText(ReferralLimits.Id)]
    public string? PreviousReferralId { get; init; }
}

public sealed record PersonInput
{
    [MaxText(ReferralLimits.DocumentNumber)]
    public string? DocumentNumber { get; init; }
    public bool NoDocument { get; init; }
    [MaxText(ReferralLimits.Name)]
    public string? GivenNames { get; init; }
    [MaxText(ReferralLimits.Name)]
    public string? FamilyNames { get; init; }
    /// <summary>"YYYY-MM-DD".</summary>
    [MaxText(ReferralLimits.Date)]
    public string? BirthDate { get; init; }
    public Sex? Sex { get; init; }
    [MaxText(ReferralLimits.Phone)]
    public string? Phone { get; init; }
    [MaxText(ReferralLimits.Locality)]
    public string? Locality { get; init; }
}

public sealed record ConsentInput
{
    public bool Given { get; init; }
    [MaxText(ReferralLimits.Name)]
    public string? GivenBy { get; init; }
    public bool Overridden { get; init; }
    [MaxText(ReferralLimits.Note)]
    public string? OverrideJustification { get; init; }
}
