using Boards.Needs.Contracts.Events;

namespace Boards.Needs.Features.GetGapAnalysis;

/// <summary>A municipality's gap analysis computed now; nothing is published (every Boards role, a focal point their own).</summary>
public sealed class GetGapAnalysisHandler(GapAnalyzer analyzer)
{
    public async Task<GapAnalysisPublished> HandleAsync(string? municipalityCode, Caller caller, CancellationToken ct)
    {
        var municipality = await analyzer.KnownMunicipalityAsync(municipalityCode, ct);
        MunicipalityAccess.EnsureCanRead(caller, municipality, MunicipalityAccess.GapAnalysis);
        return await analyzer.AnalyzeAsync(municipality, null, GapAnalyzer.OnDemand, ct);
    }
}
