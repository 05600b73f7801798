using Boards.Referrals.Domain;

namespace Boards.Referrals.Features.CreateReferral;

/// <summary>
/// A request to send a referral, as it arrives over REST (JSON) or gRPC (mapped). Everything is optional here so that
/// the validator can name every missing field instead of the serializer failing on the first one.
/// </summary>
public sealed record CreateReferralCommand
{
    public string? RequestId { get; init; }
    public string? MunicipalityCode { get; init; }
    public string? DestinationMunicipalityCode { get; init; }
    public string? OriginInstitution { get; init; }
    public string? DestinationInstitution { get; init; }
    public string? ServiceCode { get; init; }
    public string? NeedCategory { get; init; }
    public Priority? Priority { get; init; }
    public string? Reason { get; init; }
    public PersonInput? Person { get; init; }
    public ConsentInput? Consent { get; init; }
    public string? PreviousReferralId { get; init; }
}

public sealed record PersonInput
{
    public string? DocumentNumber { get; init; }
    public bool NoDocument { get; init; }
    public string? GivenNames { get; init; }
    public string? FamilyNames { get; init; }
    /// <summary>"YYYY-MM-DD".</summary>
    public string? BirthDate { get; init; }
    public Sex? Sex { get; init; }
    public string? Phone { get; init; }
    public string? Locality { get; init; }
}

public sealed record ConsentInput
{
    public bool Given { get; init; }
    public string? GivenBy { get; init; }
    public bool Overridden { get; init; }
    public string? OverrideJustification { get; init; }
}
