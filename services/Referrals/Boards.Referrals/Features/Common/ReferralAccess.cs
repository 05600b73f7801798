using Boards.Referrals.Domain;
using Boards.ServiceDefaults.Authentication;

namespace Boards.Referrals.Features.Common;

/// <summary>
/// Who may do what with a referral. Origin side: officers and integrators of the origin institution, or the focal
/// point of the origin municipality. Destination side: the same for the destination. Ministry roles read everything
/// and change nothing. Everyone else is refused.
/// </summary>
public static class ReferralAccess
{
    public static bool CanActAsOrigin(Caller caller, string municipalityCode, string originInstitution) =>
        ActsForInstitution(caller, originInstitution) || IsFocalPointOf(caller, municipalityCode);

    public static bool CanActAsDestination(Caller caller, Referral referral) =>
        ActsForInstitution(caller, referral.DestinationInstitution) || IsFocalPointOf(caller, referral.DestinationMunicipalityCode);

    public static bool CanActAsOrigin(Caller caller, Referral referral) =>
        CanActAsOrigin(caller, referral.MunicipalityCode, referral.OriginInstitution);

    public static bool CanRead(Caller caller, Referral referral) =>
        caller.IsMinistry || CanActAsOrigin(caller, referral) || CanActAsDestination(caller, referral);

    /// <summary>Only a focal point may send a referral without consent (with a justification).</summary>
    public static bool CanOverrideConsent(Caller caller) => caller.IsInRole(BoardsRoles.FocalPoint);

    public static bool ActsForInstitution(Caller caller, string institution) =>
        (caller.IsInRole(BoardsRoles.InstitutionOfficer) || caller.IsInRole(BoardsRoles.Integrator)) &&
        string.Equals(caller.Institution, institution, StringComparison.Ordinal);

    public static bool IsFocalPointOf(Caller caller, string municipalityCode) =>
        caller.IsInRole(BoardsRoles.FocalPoint) && string.Equals(caller.Municipality, municipalityCode, StringComparison.Ordinal);

    /// <summary>Does the caller see anything at all? Ministry sees all; others see what their municipality or institution touches.</summary>
    public static bool HasAnyScope(Caller caller) =>
        caller.IsMinistry ||
        (caller.IsInRole(BoardsRoles.FocalPoint) && caller.Municipality is not null) ||
        ((caller.IsInRole(BoardsRoles.InstitutionOfficer) || caller.IsInRole(BoardsRoles.Integrator)) && caller.Institution is not null);
}
