namespace Boards.Membership.Features.Common;

/// <summary>
/// Who may do what with a board.
/// Read: ministry roles and institution roles (officers, integrators) read every board; a focal point reads only the
/// board of their own municipality. Edit (members, focal point, status): ministry-admin on any board, a focal point on
/// their own municipality's board only. Create a board: ministry-admin only. Everyone else is refused.
/// </summary>
public static class BoardAccess
{
    public static bool ReadsAll(Caller caller) =>
        caller.IsMinistry || caller.IsInRole(BoardsRoles.InstitutionOfficer) || caller.IsInRole(BoardsRoles.Integrator);

    public static bool IsFocalPointOf(Caller caller, string municipalityCode) =>
        caller.IsInRole(BoardsRoles.FocalPoint) && string.Equals(caller.Municipality, municipalityCode, StringComparison.Ordinal);

    public static bool CanRead(Caller caller, string municipalityCode) => ReadsAll(caller) || IsFocalPointOf(caller, municipalityCode);

    public static bool CanEdit(Caller caller, string municipalityCode) =>
        caller.IsInRole(BoardsRoles.MinistryAdmin) || IsFocalPointOf(caller, municipalityCode);

    public static bool CanCreate(Caller caller) => caller.IsInRole(BoardsRoles.MinistryAdmin);

    public static void EnsureCanRead(Caller caller, string municipalityCode)
    {
        if (!CanRead(caller, municipalityCode))
        {
            throw new ForbiddenException(caller.IsInRole(BoardsRoles.FocalPoint) && caller.Municipality is { } own
                ? $"Como punto focal de '{own}' no puede ver la mesa de '{municipalityCode}'."
                : "Su cuenta no tiene un rol de Boards con acceso a las mesas.");
        }
    }

    public static void EnsureCanEdit(Caller caller, string municipalityCode)
    {
        EnsureCanRead(caller, municipalityCode);
        if (!CanEdit(caller, municipalityCode))
        {
            throw new ForbiddenException(caller.IsMinistry
                ? "Solo la administración del ministerio (ministry-admin) modifica las mesas; el análisis solo consulta."
                : $"Solo el punto focal de '{municipalityCode}' o la administración del ministerio pueden modificar esta mesa.");
        }
    }

    public static void EnsureCanCreate(Caller caller)
    {
        if (!CanCreate(caller))
        {
            throw new ForbiddenException("Solo la administración del ministerio (ministry-admin) crea mesas.");
        }
    }

    /// <summary>The municipality a list is narrowed to: null for all, the focal point's own, or 403.</summary>
    public static string? ListScope(Caller caller, string? requested)
    {
        if (ReadsAll(caller))
        {
            return requested;
        }

        if (caller.IsInRole(BoardsRoles.FocalPoint) && caller.Municipality is { } own)
        {
            if (requested is not null && requested != own)
            {
                throw new ForbiddenException($"Como punto focal de '{own}' no puede ver la mesa de '{requested}'.");
            }

            return own;
        }

        throw new ForbiddenException("Su cuenta no tiene un rol de Boards con acceso a las mesas.");
    }
}
