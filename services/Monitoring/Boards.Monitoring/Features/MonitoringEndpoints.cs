using Boards.Monitoring.Features.EarlyWarnings;
using Boards.Monitoring.Features.GetMunicipality;
using Boards.Monitoring.Features.GetMunicipalityTrends;
using Boards.Monitoring.Features.ListMunicipalities;

namespace Boards.Monitoring.Features;

public static class MonitoringEndpoints
{
    /// <summary>REST under /api/monitoring. A token is required (401 without one); scope is checked by each query.</summary>
    public static IEndpointRouteBuilder MapMonitoringEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/monitoring")
            .WithTags("Monitoring")
            .RequireAuthorization();

        group.MapListMunicipalities();
        group.MapGetMunicipality();
        group.MapGetMunicipalityTrends();
        group.MapEarlyWarnings();
        return app;
    }
}
