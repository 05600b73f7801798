using Boards.Monitoring.Features.Common;
using Boards.ServiceDefaults.Authentication;

namespace Boards.Monitoring.Features.GetMunicipality;

/// <summary>
/// One municipality's indicators. Order of checks: the code is required; then scope (decided from the token, so a
/// refusal says nothing about whether the code exists); then existence (registered or seen in a referral).
/// </summary>
public sealed class GetMunicipalityHandler(MunicipalitySummaryReader reader)
{
    public async Task<MunicipalitySummary> HandleAsync(Caller caller, string? code, CancellationToken cancellationToken)
    {
        var normalized = MunicipalityAccess.Require(caller, code);
        return await reader.ReadOneAsync(normalized, cancellationToken) ?? throw MonitoringErrors.UnknownMunicipality(normalized);
    }
}
