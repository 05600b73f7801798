using Boards.BuildingBlocks.Outbox;
using Boards.Needs.Contracts.Events;

namespace Boards.Needs.Features.PublishGapAnalysis;

/// <summary>
/// Computes a municipality's gap analysis and publishes it on demand (GapAnalysisPublished, trigger on_demand, through
/// the outbox). The ministry (admin or analyst) or the municipality's focal point may publish.
/// </summary>
public sealed class PublishGapAnalysisHandler(NeedsDbContext db, GapAnalyzer analyzer, TimeProvider clock)
{
    public async Task<GapAnalysisPublished> HandleAsync(string? municipalityCode, Caller caller, CancellationToken ct)
    {
        var municipality = await analyzer.KnownMunicipalityAsync(municipalityCode, ct);
        MunicipalityAccess.EnsureCanRead(caller, municipality, MunicipalityAccess.GapAnalysis);
        if (!caller.IsMinistry && !MunicipalityAccess.IsFocalPointOf(caller, municipality))
        {
            throw new ForbiddenException($"Solo el ministerio o el punto focal de '{municipality}' publican su análisis de brechas.");
        }

        var analysis = await analyzer.AnalyzeAsync(municipality, null, GapAnalyzer.OnDemand, ct);
        db.AddToOutbox(analysis, clock);
        await db.SaveChangesAsync(ct);
        return analysis;
    }
}
