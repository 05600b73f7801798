using Boards.Monitoring.Domain;
using Boards.Monitoring.Features.Common;
using Boards.ServiceDefaults.Authentication;

namespace Boards.Monitoring.Features.GetMunicipalityTrends;

/// <summary>
/// One municipality's trends. The checks and their order are those of GetMunicipality: the code is required; then scope
/// (from the token, so a refusal says nothing about whether the code exists); then existence.
/// </summary>
public sealed class GetMunicipalityTrendsQuery(MunicipalityTrendsReader reader)
{
    public const string CodeField = "code";

    public async Task<QueryResult<MunicipalityTrends>> HandleAsync(Caller caller, string? code, CancellationToken cancellationToken)
    {
        var normalized = MunicipalityCodes.Normalize(code);
        if (normalized.Length == 0)
        {
            return new QueryResult<MunicipalityTrends>.Invalid(CodeField, MonitoringMessages.CodeRequired);
        }

        var scope = MonitoringScope.For(caller);
        if (!scope.SeesAnything)
        {
            return new QueryResult<MunicipalityTrends>.Forbidden(MonitoringMessages.RoleWithoutMonitoring);
        }

        if (!scope.Covers(normalized))
        {
            return new QueryResult<MunicipalityTrends>.Forbidden(MonitoringMessages.OnlyOwnMunicipality(scope.Municipality));
        }

        var trends = await reader.ReadAsync(normalized, cancellationToken);
        return trends is null
            ? new QueryResult<MunicipalityTrends>.NotFound(MonitoringMessages.UnknownMunicipality(normalized))
            : new QueryResult<MunicipalityTrends>.Found(trends);
    }
}
