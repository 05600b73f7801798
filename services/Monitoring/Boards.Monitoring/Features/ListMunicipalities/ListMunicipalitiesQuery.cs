using Boards.Monitoring.Domain;
using Boards.Monitoring.Features.Common;
using Boards.ServiceDefaults.Authentication;

namespace Boards.Monitoring.Features.ListMunicipalities;

/// <summary>Every municipality in the caller's scope: all of them for ministry staff, its own for a focal point.</summary>
public sealed class ListMunicipalitiesQuery(MunicipalitySummaryReader reader)
{
    public async Task<QueryResult<IReadOnlyList<MunicipalitySummary>>> HandleAsync(Caller caller, CancellationToken cancellationToken)
    {
        var scope = MonitoringScope.For(caller);
        if (!scope.SeesAnything)
        {
            return new QueryResult<IReadOnlyList<MunicipalitySummary>>.Forbidden(MonitoringMessages.RoleWithoutMonitoring);
        }

        var filter = scope.Kind == MonitoringScopeKind.OneMunicipality ? scope.Municipality : null;
        return new QueryResult<IReadOnlyList<MunicipalitySummary>>.Found(await reader.ReadAsync(filter, cancellationToken));
    }
}
