using Boards.Participation.Contracts.Pulse;

namespace Boards.Participation.Features.Common;

/// <summary>
/// Who may do what (docs/pulse.md, "Who may do what"), decided from the token before anything is read, so a refusal
/// says nothing about what exists. Print slips: a focal point for their own municipality (any source); an institution
/// officer, after a counter-referral, in a municipality their token lists. Type in paper answers: a focal point, own
/// municipality. Read batches: a focal point (own), the ministry (all). Answering with a code needs no token.
/// </summary>
public static class PulseAccess
{
    public static bool IsFocalPointOf(Caller caller, string municipality) =>
        caller.IsInRole(BoardsRoles.FocalPoint) && string.Equals(caller.Municipality, municipality, StringComparison.Ordinal);

    public static void EnsureCanIssue(Caller caller, string municipality, string source)
    {
        if (IsFocalPointOf(caller, municipality))
        {
            return;
        }

        if (caller.IsInRole(BoardsRoles.InstitutionOfficer) && caller.ServesIn(municipality))
        {
            if (source == PulseSources.CounterReferral)
            {
                return;
            }

            throw new ForbiddenException("Una institución imprime boletas solo después de una contrarreferencia; las de jornadas y sesiones las imprime el punto focal.");
        }

        throw new ForbiddenException(Refusal(caller, "imprimir boletas"));
    }

    public static void EnsureCanRecordPaper(Caller caller, string municipality)
    {
        if (!IsFocalPointOf(caller, municipality))
        {
            throw new ForbiddenException(Refusal(caller, "cargar respuestas en papel"));
        }
    }

    public static void EnsureCanRead(Caller caller, string municipality)
    {
        if (!caller.IsMinistry && !IsFocalPointOf(caller, municipality))
        {
            throw new ForbiddenException(Refusal(caller, "ver las boletas"));
        }
    }

    /// <summary>The municipality a list is about: a focal point's own when not named; the ministry may leave it open.</summary>
    public static string? ListScope(Caller caller, string? municipality)
    {
        var code = string.IsNullOrWhiteSpace(municipality) ? null : municipality.Trim().ToLowerInvariant();
        if (caller.IsMinistry)
        {
            return code;
        }

        code ??= caller.Municipality ?? "";
        EnsureCanRead(caller, code);
        return code;
    }

    private static string Refusal(Caller caller, string what) =>
        caller.IsInRole(BoardsRoles.FocalPoint) && caller.Municipality is { } own
            ? $"Como punto focal de '{own}' solo puede {what} de su municipio."
            : $"Su cuenta no puede {what} de ese municipio.";
}
