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

        if (caller.IsInRole(BoardsRoles.Integrator) && caller.Institution is { } national)
        {
            return referrals.Where(r => r.OriginInstitution == national || r.DestinationInstitution == national);
        }

        if (ReferralAccess.HasAnyScope(caller) && caller.Institution is { } institution)
        {
            // An officer: their institution's side, in the municipalities where they serve.
            var served = caller.ServedMunicipalities!.ToList();
            return referrals.Where(r =>
                (r.OriginInstitution == institution && served.Contains(r.MunicipalityCode)) ||
                (r.DestinationInstitution == institution && served.Contains(r.DestinationMunicipalityCode)));
        }

        if (caller.IsInRole(BoardsRoles.InstitutionOfficer) && caller.Institution is not null)
        {
            throw new ForbiddenException(
                "Su cuenta de funcionario/a no indica en qué municipios sirve (atributo municipalities): pida al Ministerio que lo complete.");
        }

        throw new ForbiddenException("Su cuenta no tiene un rol de Boards con acceso a referencias.");
    }
}
