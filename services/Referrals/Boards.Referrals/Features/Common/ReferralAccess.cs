namespace Boards.Referrals.Features.Common;

/// <summary>
/// Who may do what with a referral. Origin side: officers of the origin institution who serve in the origin
/// municipality, integrators of the origin institution (national), or the focal point of the origin municipality.
/// Destination side: the same for the destination. Ministry roles read everything (masked unless a reason is given)
/// and change nothing. Everyone else is refused.
/// </summary>
public static class ReferralAccess
{
    public static bool CanActAsOrigin(Caller caller, string municipalityCode, string originInstitution) =>
        ActsForInstitution(caller, originInstitution, municipalityCode) || IsFocalPointOf(caller, municipalityCode);

    public static bool CanActAsDestination(Caller caller, Referral referral) =>
        ActsForInstitution(caller, referral.DestinationInstitution, referral.DestinationMunicipalityCode) ||
        IsFocalPointOf(caller, referral.DestinationMunicipalityCode);

    public static bool CanActAsOrigin(Caller caller, Referral referral) =>
        CanActAsOrigin(caller, referral.MunicipalityCode, referral.OriginInstitution);

    public static bool CanRead(Caller caller, Referral referral) =>
        caller.IsMinistry || CanActAsOrigin(caller, referral) || CanActAsDestination(caller, referral);

    /// <summary>
    /// Who may open the person's record from this referral (docs/referrals.md, "The person's record"): the ministry; the
    /// focal point of the person's municipality, the one the referral was sent from; officers and integrators of the
    /// origin or destination institution, where they act for it. The destination municipality's focal point reads the
    /// referral but does not open the record: the person is not of that municipality.
    /// </summary>
    public static bool CanOpenPersonRecord(Caller caller, Referral referral) =>
        caller.IsMinistry ||
        CanActAsOrigin(caller, referral) ||
        ActsForInstitution(caller, referral.DestinationInstitution, referral.DestinationMunicipalityCode);

    /// <summary>Only a focal point may send a referral without consent (with a justification).</summary>
    public static bool CanOverrideConsent(Caller caller) => caller.IsInRole(BoardsRoles.FocalPoint);

    /// <summary>An integrator acts for its institution everywhere; an officer only where they serve.</summary>
    public static bool ActsForInstitution(Caller caller, string institution, string municipalityCode) =>
        string.Equals(caller.Institution, institution, StringComparison.Ordinal) &&
        (caller.IsInRole(BoardsRoles.Integrator) ||
         (caller.IsInRole(BoardsRoles.InstitutionOfficer) && caller.ServesIn(municipalityCode)));

    public static bool IsFocalPointOf(Caller caller, string municipalityCode) =>
        caller.IsInRole(BoardsRoles.FocalPoint) && string.Equals(caller.Municipality, municipalityCode, StringComparison.Ordinal);

    /// <summary>Does the caller see anything at all? Ministry sees all; others see what their municipality or institution touches.</summary>
    public static bool HasAnyScope(Caller caller) =>
        caller.IsMinistry ||
        (caller.IsInRole(BoardsRoles.FocalPoint) && caller.Municipality is not null) ||
        (caller.IsInRole(BoardsRoles.Integrator) && caller.Institution is not null) ||
        (caller.IsInRole(BoardsRoles.InstitutionOfficer) && caller.Institution is not null && caller.ServedMunicipalities is { Count: > 0 });
}
