using Boards.Monitoring.Features.Common;
using Boards.ServiceDefaults.Authentication;

namespace Boards.Monitoring.Features.ListMunicipalities;

/// <summary>
/// The national table: every municipality in the caller's scope, all of them for ministry staff, its own for a focal
/// point (read by <see cref="MunicipalitySummaryReader"/>). Any other role is refused.
/// </summary>
public sealed class ListMunicipalitiesHandler(MunicipalitySummaryReader reader)
{
    public async Task<IReadOnlyList<MunicipalitySummary>> HandleAsync(Caller caller, CancellationToken cancellationToken)
    {
        var scope = MonitoringScope.Require(caller);
        var filter = scope.Kind == MonitoringScopeKind.OneMunicipality ? scope.Municipality : null;
        return await reader.ReadAsync(filter, cancellationToken);
    }
}
