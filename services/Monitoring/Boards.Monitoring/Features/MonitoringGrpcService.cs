using Boards.Monitoring.Contracts.Grpc;
using Boards.Monitoring.Features.EarlyWarnings;
using Boards.Monitoring.Features.GetMunicipality;
using Boards.Monitoring.Features.GetMunicipalityTrends;
using Boards.Monitoring.Features.ListMunicipalities;

namespace Boards.Monitoring.Features;

/// <summary>
/// boards.monitoring.v1.MonitoringService. One partial per use case, beside its query: see
/// Features/ListMunicipalities, Features/GetMunicipality and Features/GetMunicipalityTrends. The caller comes from the HTTP context's bearer token.
/// </summary>
public sealed partial class MonitoringGrpcService(
    ListMunicipalitiesQuery listMunicipalities,
    GetMunicipalityQuery getMunicipality,
    GetMunicipalityTrendsQuery getMunicipalityTrends,
    ListWarningsQuery listWarnings)
    : MonitoringService.MonitoringServiceBase
{
    private readonly ListMunicipalitiesQuery _listMunicipalities = listMunicipalities;
    private readonly GetMunicipalityQuery _getMunicipality = getMunicipality;
    private readonly GetMunicipalityTrendsQuery _getMunicipalityTrends = getMunicipalityTrends;
    private readonly ListWarningsQuery _listWarnings = listWarnings;
}
