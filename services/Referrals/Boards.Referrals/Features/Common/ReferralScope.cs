using Boards.BuildingBlocks.Errors;
using Boards.Referrals.Domain;
using Boards.ServiceDefaults.Authentication;

namespace Boards.Referrals.Features.Common;

/// <summary>Narrows a query to the referrals a caller may see (the read side of <see cref="ReferralAccess"/>).</summary>
public static class ReferralScope
{
    public static IQueryable<Referral> Apply(IQueryable<Referral> referrals, Caller caller, string? municipality)
    {
        if (municipality is not null)
        {
            referrals = referrals.Where(r => r.MunicipalityCode == municipality || r.DestinationMunicipalityCode == municipality);
        }

        if (caller.IsMinistry)
        {
            return referrals;
        }

        if (caller.IsInRole(BoardsRoles.FocalPoint) && caller.Municipality is { } own)
        {
            if (municipality is not null && municipality != own)
            {
                throw new ForbiddenException($"Como punto focal de '{own}' no puede ver las referencias de '{municipality}'.");
            }

            return referrals.Where(r => r.MunicipalityCode == own || r.DestinationMunicipalityCode == own);
        }

        if (ReferralAccess.HasAnyScope(caller) && caller.Institution is { } institution)
        {
            return referrals.Where(r => r.OriginInstitution == institution || r.DestinationInstitution == institution);
        }

        throw new ForbiddenException("Su cuenta no tiene un rol de Boards con acceso a referencias.");
    }
}
