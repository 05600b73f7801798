namespace Boards.Referrals.Domain;

/// <summary>What the origin side asks for; already validated for shape (see Features/CreateReferral).</summary>
public sealed record NewReferral(
    string RequestId,
    string MunicipalityCode,
    string DestinationMunicipalityCode,
    string OriginInstitution,
    string DestinationInstitution,
    string ServiceCode,
    string NeedCategory,
    Priority Priority,
    string Reason,
    Person Person,
    Consent Consent,
    Guid? PreviousReferralId)
{
    /// <summary>The tenant the request id belongs to (see <see cref="Referral.RequestOwner"/>); a method, so it is not part of the request's hash.</summary>
    public string Owner() => $"{MunicipalityCode}/{OriginInstitution}";
}
