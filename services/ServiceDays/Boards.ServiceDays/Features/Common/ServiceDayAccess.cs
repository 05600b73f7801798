namespace Boards.ServiceDays.Features.Common;

/// <summary>
/// Who may do what with a municipality's service days.
/// Read: ministry roles, institution officers and integrators read every municipality; a focal point only their own.
/// Manage (create, update, confirm, hold, cancel, report): ministry-admin anywhere, a focal point in their own municipality.
/// Record attendance and referrals: whoever manages the day, plus institution officers and integrators whose
/// institution takes part in it (and then only for their institution's services); an officer only in a municipality
/// where they serve (<see cref="Caller.ServesIn"/>), an integrator anywhere, as in the referrals service.
/// </summary>
public static class ServiceDayAccess
{
    public static bool IsFocalPointOf(Caller caller, string municipalityCode) =>
        caller.IsInRole(BoardsRoles.FocalPoint) && string.Equals(caller.Municipality, municipalityCode, StringComparison.Ordinal);

    public static bool ActsForInstitution(Caller caller) =>
        (caller.IsInRole(BoardsRoles.InstitutionOfficer) || caller.IsInRole(BoardsRoles.Integrator)) && caller.Institution is not null;

    /// <summary>A focal point who also holds another role (say, analyst) reads as that role.</summary>
    public static bool ReadsAll(Caller caller) =>
        caller.IsMinistry || caller.IsInRole(BoardsRoles.InstitutionOfficer) || caller.IsInRole(BoardsRoles.Integrator);

    public static bool CanManage(Caller caller, string municipalityCode) =>
        caller.IsInRole(BoardsRoles.MinistryAdmin) || IsFocalPointOf(caller, municipalityCode);

    public static void EnsureCanRead(Caller caller, string municipalityCode)
    {
        if (ReadsAll(caller) || IsFocalPointOf(caller, municipalityCode))
        {
            return;
        }

        throw new ForbiddenException(caller.IsInRole(BoardsRoles.FocalPoint) && caller.Municipality is { } own
            ? $"Como punto focal de '{own}' no puede ver las jornadas de servicios de '{municipalityCode}'."
            : "Su cuenta no tiene un rol de Boards con acceso a las jornadas de servicios.");
    }

    public static void EnsureCanManage(Caller caller, string municipalityCode)
    {
        EnsureCanRead(caller, municipalityCode);
        if (CanManage(caller, municipalityCode))
        {
            return;
        }

        throw new ForbiddenException(caller.IsMinistry
            ? "Solo la administración del ministerio (ministry-admin) gestiona jornadas; el análisis solo consulta."
            : $"Solo el punto focal de '{municipalityCode}' o la administración del ministerio gestionan sus jornadas de servicios.");
    }

    /// <summary>
    /// May the caller record attendance or referrals on this day? Returns the institution the caller is limited to, or
    /// null when the caller manages the day (any participating institution).
    /// </summary>
    public static string? EnsureCanRecord(Caller caller, string municipalityCode, IReadOnlyCollection<string> participatingInstitutions)
    {
        EnsureCanRead(caller, municipalityCode);
        if (CanManage(caller, municipalityCode))
        {
            return null;
        }

        if (ActsForInstitution(caller) && participatingInstitutions.Contains(caller.Institution!))
        {
            if (caller.IsInRole(BoardsRoles.Integrator) || caller.ServesIn(municipalityCode))
            {
                return caller.Institution;
            }

            throw new ForbiddenException(
                $"Su cuenta de funcionario/a no indica que sirva en '{municipalityCode}' (atributo municipalities): no puede registrar en esta jornada.");
        }

        throw new ForbiddenException(ActsForInstitution(caller)
            ? $"Su institución '{caller.Institution}' no participa en esta jornada: no puede registrar en ella."
            : $"Solo el punto focal de '{municipalityCode}', la administración del ministerio o las instituciones que participan registran en esta jornada.");
    }
}
