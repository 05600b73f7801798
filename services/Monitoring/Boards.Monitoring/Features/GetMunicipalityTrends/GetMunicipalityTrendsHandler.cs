using Boards.Monitoring.Features.Common;
using Boards.ServiceDefaults.Authentication;

namespace Boards.Monitoring.Features.GetMunicipalityTrends;

/// <summary>
/// One municipality's trends. The checks and their order are those of GetMunicipality: the code is required; then scope
/// (from the token, so a refusal says nothing about whether the code exists); then existence.
/// </summary>
public sealed class GetMunicipalityTrendsHandler(MunicipalityTrendsReader reader)
{
    public async Task<MunicipalityTrends> HandleAsync(Caller caller, string? code, CancellationToken cancellationToken)
    {
        var normalized = MunicipalityAccess.Require(caller, code);
        return await reader.ReadAsync(normalized, cancellationToken) ?? throw MonitoringErrors.UnknownMunicipality(normalized);
    }
}
