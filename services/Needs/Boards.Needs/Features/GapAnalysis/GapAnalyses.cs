using Boards.BuildingBlocks.Errors;
using Boards.BuildingBlocks.Outbox;
using Boards.Needs.Contracts.Events;
using Boards.Needs.Data;
using Boards.Needs.Features.Common;
using Boards.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Boards.Needs.Features.GapAnalysis;

/// <summary>Reading a municipality's gap analysis, and publishing it on demand (GapAnalysisPublished through the outbox).</summary>
public sealed class GapAnalyses(NeedsDbContext db, GapAnalyzer analyzer, TimeProvider clock)
{
    private const string What = "el análisis de brechas";

    public async Task<GapAnalysisPublished> ComputeAsync(string? municipalityCode, Caller caller, CancellationToken ct)
    {
        var municipality = await KnownAsync(municipalityCode, ct);
        MunicipalityAccess.EnsureCanRead(caller, municipality, What);
        return await analyzer.AnalyzeAsync(municipality, null, GapAnalyzer.OnDemand, ct);
    }

    /// <summary>The ministry (admin or analyst) or the municipality's focal point may publish.</summary>
    public async Task<GapAnalysisPublished> PublishAsync(string? municipalityCode, Caller caller, CancellationToken ct)
    {
        var municipality = await KnownAsync(municipalityCode, ct);
        MunicipalityAccess.EnsureCanRead(caller, municipality, What);
        if (!caller.IsMinistry && !MunicipalityAccess.IsFocalPointOf(caller, municipality))
        {
            throw new ForbiddenException($"Solo el ministerio o el punto focal de '{municipality}' publican su análisis de brechas.");
        }

        var analysis = await analyzer.AnalyzeAsync(municipality, null, GapAnalyzer.OnDemand, ct);
        db.AddToOutbox(analysis, clock);
        await db.SaveChangesAsync(ct);
        return analysis;
    }

    private async Task<string> KnownAsync(string? value, CancellationToken ct)
    {
        var code = value?.Trim().ToLowerInvariant() ?? "";
        if (code.Length == 0)
        {
            throw ValidationFailedException.For("municipalityCode", "Indique el código del municipio.");
        }

        return await db.Municipalities.AnyAsync(m => m.Code == code, ct)
            ? code
            : throw new NotFoundException($"El municipio '{code}' no está registrado.");
    }
}
