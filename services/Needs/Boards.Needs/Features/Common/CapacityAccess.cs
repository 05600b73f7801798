namespace Boards.Needs.Features.Common;

/// <summary>
/// Who may change the capacity of a catalog entry (status, waiting time, monthly places; nothing else): whoever may
/// change the whole catalog (<see cref="MunicipalityAccess.EnsureCanEdit"/>: ministry-admin, the municipality's focal
/// point), and an institution officer for the services of their own institution (token claim <c>institution</c>) in a
/// municipality they serve (claim <c>municipalities</c>). Every Boards role but a focal point reads every municipality's
/// catalog, so a refusal here reveals nothing: it is 403 with the reason, and an entry that does not exist is 404.
/// </summary>
public static class CapacityAccess
{
    /// <summary>What the caller's token alone decides, before the entry is read.</summary>
    public static void EnsureMayChangeIn(Caller caller, string municipalityCode)
    {
        MunicipalityAccess.EnsureCanRead(caller, municipalityCode);
        if (CanEditWholeCatalog(caller, municipalityCode))
        {
            return;
        }

        if (!caller.IsInRole(BoardsRoles.InstitutionOfficer))
        {
            MunicipalityAccess.EnsureCanEdit(caller, municipalityCode);
            return;
        }

        if (caller.Institution is not { } institution)
        {
            throw new ForbiddenException(
                "Su cuenta de funcionario no indica su institución (atributo 'institution'): pida a la administración del ministerio que la registre.");
        }

        if (!caller.ServesIn(municipalityCode))
        {
            throw new ForbiddenException(
                $"Como funcionario de '{institution}' usted no atiende en '{municipalityCode}': solo cambia la capacidad de los servicios de su institución en los municipios que atiende.");
        }
    }

    /// <summary>The entry's institution decides for an officer (and, again, the token).</summary>
    public static void EnsureMayChange(Caller caller, OfferedService service)
    {
        EnsureMayChangeIn(caller, service.MunicipalityCode);
        if (CanEditWholeCatalog(caller, service.MunicipalityCode) ||
            string.Equals(caller.Institution, service.InstitutionCode, StringComparison.Ordinal))
        {
            return;
        }

        throw new ForbiddenException(
            $"El servicio '{service.Code}' es de la institución '{service.InstitutionCode}': como funcionario de '{caller.Institution}' solo cambia la capacidad de los servicios de su institución.");
    }

    private static bool CanEditWholeCatalog(Caller caller, string municipalityCode) =>
        caller.IsInRole(BoardsRoles.MinistryAdmin) || MunicipalityAccess.IsFocalPointOf(caller, municipalityCode);
}
