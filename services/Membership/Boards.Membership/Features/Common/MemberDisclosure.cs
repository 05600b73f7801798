namespace Boards.Membership.Features.Common;

/// <summary>
/// Who sees a member's sensitive data: the flags <c>indigenous</c> and <c>disability</c>, and the <c>account</c> (the
/// person's user name in the identity provider). Issue 16, minimisation: the ministry, the focal point of the board's
/// municipality and an institution officer serving in it (<see cref="Caller.ServesIn"/>). Every other reader allowed
/// by <see cref="BoardAccess"/> (integrators, officers serving elsewhere or nowhere) gets the roster without them.
/// Counts of these flags (representativity) are statistics and are not affected.
/// </summary>
public static class MemberDisclosure
{
    public static bool SeesSensitiveData(Caller caller, string municipalityCode)
    {
        var code = Input.MunicipalityCode(municipalityCode);
        return caller.IsMinistry
               || BoardAccess.IsFocalPointOf(caller, code)
               || (caller.IsInRole(BoardsRoles.InstitutionOfficer) && caller.ServesIn(code));
    }
}
