using Boards.BuildingBlocks.Errors;
using Boards.ServiceDefaults.Authentication;

namespace Boards.Monitoring.Features.Common;

/// <summary>
/// The checks before one municipality's figures are read, in this order: the code is required; then scope (decided from
/// the token, so a refusal says nothing about whether the code exists). Existence is the caller's to check.
/// </summary>
public static class MunicipalityAccess
{
    public const string CodeField = "code";

    /// <summary>The normalized code, once the caller may see it.</summary>
    public static string Require(Caller caller, string? code)
    {
        var normalized = MunicipalityCodes.Normalize(code);
        if (normalized.Length == 0)
        {
            throw ValidationFailedException.For(CodeField, MonitoringMessages.CodeRequired);
        }

        var scope = MonitoringScope.Require(caller);
        if (!scope.Covers(normalized))
        {
            throw new ForbiddenException(MonitoringMessages.OnlyOwnMunicipality(scope.Municipality));
        }

        return normalized;
    }
}
