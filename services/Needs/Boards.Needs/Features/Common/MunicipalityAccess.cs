namespace Boards.Needs.Features.Common;

/// <summary>
/// Who may do what with a municipality's offer catalog and needs assessment (the same rule for both).
/// Read: every Boards role reads every municipality, except a focal point, who reads only their own.
/// Write: ministry-admin on any municipality, a focal point on their own. Analysts, institution officers and
/// integrators read only, except that officers keep the capacity of their own institution's services where they serve
/// (<see cref="CapacityAccess"/>). Availability (CheckAvailability) is open to every Boards role for any municipality.
/// </summary>
public static class MunicipalityAccess
{
    public const string Offer = "la oferta de servicios";
    public const string Assessment = "el diagnóstico de necesidades";
    public const string GapAnalysis = "el análisis de brechas";

    public static bool HasBoardsRole(Caller caller) => BoardsRoles.All.Any(caller.IsInRole);

    public static bool IsFocalPointOf(Caller caller, string municipalityCode) =>
        caller.IsInRole(BoardsRoles.FocalPoint) && string.Equals(caller.Municipality, municipalityCode, StringComparison.Ordinal);

    /// <summary>A focal point who also holds another role (say, analyst) reads as that role.</summary>
    public static bool ReadsAll(Caller caller) =>
        caller.IsMinistry || caller.IsInRole(BoardsRoles.InstitutionOfficer) || caller.IsInRole(BoardsRoles.Integrator);

    public static void EnsureCanRead(Caller caller, string municipalityCode, string what = Offer)
    {
        if (ReadsAll(caller) || IsFocalPointOf(caller, municipalityCode))
        {
            return;
        }

        throw new ForbiddenException(caller.IsInRole(BoardsRoles.FocalPoint) && caller.Municipality is { } own
            ? $"Como punto focal de '{own}' no puede ver {what} de '{municipalityCode}'."
            : $"Su cuenta no tiene un rol de Boards con acceso a {what}.");
    }

    public static void EnsureCanEdit(Caller caller, string municipalityCode, string what = Offer)
    {
        EnsureCanRead(caller, municipalityCode, what);
        if (caller.IsInRole(BoardsRoles.MinistryAdmin) || IsFocalPointOf(caller, municipalityCode))
        {
            return;
        }

        throw new ForbiddenException(caller.IsMinistry
            ? $"Solo la administración del ministerio (ministry-admin) modifica {what}; el análisis solo consulta."
            : $"Solo el punto focal de '{municipalityCode}' o la administración del ministerio pueden modificar {what}.");
    }

    public static void EnsureCanCheckAvailability(Caller caller)
    {
        if (!HasBoardsRole(caller))
        {
            throw new ForbiddenException("Su cuenta no tiene un rol de Boards con acceso a la oferta de servicios.");
        }
    }
}
