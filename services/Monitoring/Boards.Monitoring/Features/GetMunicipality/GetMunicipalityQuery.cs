using Boards.Monitoring.Domain;
using Boards.Monitoring.Features.Common;
using Boards.ServiceDefaults.Authentication;

namespace Boards.Monitoring.Features.GetMunicipality;

/// <summary>
/// One municipality's indicators. Order of checks: the code is required; then scope (decided from the token, so a
/// refusal says nothing about whether the code exists); then existence (registered or seen in a referral).
/// </summary>
public sealed class GetMunicipalityQuery(MunicipalitySummaryReader reader)
{
    public const string CodeField = "code";

    public async Task<QueryResult<MunicipalitySummary>> HandleAsync(Caller caller, string? code, CancellationToken cancellationToken)
    {
        var normalized = MunicipalityCodes.Normalize(code);
        if (normalized.Length == 0)
        {
            return new QueryResult<MunicipalitySummary>.Invalid(CodeField, MonitoringMessages.CodeRequired);
        }

        var scope = MonitoringScope.For(caller);
        if (!scope.SeesAnything)
        {
            return new QueryResult<MunicipalitySummary>.Forbidden(MonitoringMessages.RoleWithoutMonitoring);
        }

        if (!scope.Covers(normalized))
        {
            return new QueryResult<MunicipalitySummary>.Forbidden(MonitoringMessages.OnlyOwnMunicipality(scope.Municipality));
        }

        var summary = await reader.ReadOneAsync(normalized, cancellationToken);
        return summary is null
            ? new QueryResult<MunicipalitySummary>.NotFound(MonitoringMessages.UnknownMunicipality(normalized))
            : new QueryResult<MunicipalitySummary>.Found(summary);
    }
}
