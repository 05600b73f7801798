namespace Boards.Planning.Features.Common;

/// <summary>
/// Who may do what with a municipality's plan and proposals (the same rule as Needs' MunicipalityAccess).
/// Read: every Boards role reads every municipality, except a focal point, who reads only their own.
/// Write: ministry-admin on any municipality, a focal point on their own. Analysts, institution officers and
/// integrators read only.
/// </summary>
public static class PlanAccess
{
    public const string What = "el plan de acción territorial";

    public static bool IsFocalPointOf(Caller caller, string municipalityCode) =>
        caller.IsInRole(BoardsRoles.FocalPoint) && string.Equals(caller.Municipality, municipalityCode, StringComparison.Ordinal);

    /// <summary>A focal point who also holds another role (say, analyst) reads as that role.</summary>
    public static bool ReadsAll(Caller caller) =>
        caller.IsMinistry || caller.IsInRole(BoardsRoles.InstitutionOfficer) || caller.IsInRole(BoardsRoles.Integrator);

    public static void EnsureCanRead(Caller caller, string municipalityCode)
    {
        if (ReadsAll(caller) || IsFocalPointOf(caller, municipalityCode))
        {
            return;
        }

        throw new ForbiddenException(caller.IsInRole(BoardsRoles.FocalPoint) && caller.Municipality is { } own
            ? $"Como punto focal de '{own}' no puede ver {What} de '{municipalityCode}'."
            : $"Su cuenta no tiene un rol de Boards con acceso a {What}.");
    }

    public static void EnsureCanEdit(Caller caller, string municipalityCode)
    {
        EnsureCanRead(caller, municipalityCode);
        if (caller.IsInRole(BoardsRoles.MinistryAdmin) || IsFocalPointOf(caller, municipalityCode))
        {
            return;
        }

        throw new ForbiddenException(caller.IsMinistry
            ? $"Solo la administración del ministerio (ministry-admin) modifica {What}; el análisis solo consulta."
            : $"Solo el punto focal de '{municipalityCode}' o la administración del ministerio pueden modificar {What}.");
    }

    /// <summary>The municipality a list is about: a focal point's own when not named.</summary>
    public static string? ListScope(Caller caller, string? municipality)
    {
        var code = string.IsNullOrWhiteSpace(municipality) ? null : municipality.Trim().ToLowerInvariant();
        if (!ReadsAll(caller))
        {
            code ??= caller.Municipality ?? "";
            EnsureCanRead(caller, code);
        }

        return code;
    }
}
