using Boards.Needs.Contracts.Events;
using Boards.Needs.Contracts.Gaps;
using Boards.Needs.Domain.Gaps;
using Microsoft.Extensions.Options;

namespace Boards.Needs.Features.Common;

public sealed class GapAnalysisOptions
{
    /// <summary>How far back referral evidence counts (Needs:GapAnalysis:EvidenceDays).</summary>
    public int EvidenceDays { get; set; } = 90;
}

/// <summary>
/// Computes a municipality's gap analysis (<see cref="GapCalculator"/>) from its latest closed round (or, before the
/// first closes, its open round), its offer catalog and the referral evidence of the last EvidenceDays.
/// </summary>
public sealed class GapAnalyzer(NeedsDbContext db, IOptions<GapAnalysisOptions> options, TimeProvider clock)
{
    public const string RoundClosed = "round_closed";
    public const string OnDemand = "on_demand";

    public async Task<GapAnalysisPublished> AnalyzeAsync(string municipality, AssessmentRound? basis, string trigger, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = now.AddDays(-options.Value.EvidenceDays);
        basis ??= await db.Rounds.AsNoTracking().Include(r => r.Needs)
            .Where(r => r.MunicipalityCode == municipality)
            .OrderBy(r => r.Status == RoundStatus.Closed ? 0 : 1).ThenByDescending(r => r.ClosedAt).ThenByDescending(r => r.OpenedAt)
            .FirstOrDefaultAsync(ct);

        var needs = (basis?.Needs ?? []).Select(n => new NeedDemand(n.Category, n.PeopleAffected, n.Severity)).ToList();
        var services = await db.Services.AsNoTracking().Where(s => s.MunicipalityCode == municipality)
            .Select(s => new ServiceCapacity(s.Categories, s.MonthlyCapacity, s.CapacityStatus == CapacityStatus.Full))
            .ToListAsync(ct);
        var evidence = await db.ReferralEvidence.AsNoTracking()
            .Where(e => e.MunicipalityCode == municipality && e.OccurredAt >= since)
            .Select(e => new { e.Categories, e.Kind }).ToListAsync(ct);
        var turnedAway = evidence.Select(e => new TurnedAway(e.Categories, KindOf(e.Kind))).ToList();
        var names = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);

        var gaps = GapCalculator.Compute(needs, services, turnedAway);
        return new GapAnalysisPublished
        {
            AnalysisId = Guid.CreateVersion7(),
            MunicipalityCode = municipality,
            Trigger = trigger,
            RoundId = basis?.Id,
            Period = basis?.Period,
            EvidenceSince = since,
            Categories = gaps.Select(g => new CategoryGap
            {
                Category = g.Category,
                CategoryName = names.GetValueOrDefault(g.Category) ?? "Sin categoría",
                PeopleAffected = g.PeopleAffected,
                Demand = g.Demand,
                OfferCapacity = g.OfferCapacity,
                ServicesOffered = g.ServicesOffered,
                CoverageRatio = g.CoverageRatio,
                RejectedNoCapacity = g.RejectedNoCapacity,
                RejectedNotOffered = g.RejectedNotOffered,
                CounterReferredNoCapacity = g.CounterReferredNoCapacity,
                UnmetDemand = g.UnmetDemand,
            }).ToList(),
            ComputedAt = now,
            OccurredAt = now,
        };
    }

    /// <summary>The municipality code of a gap analysis route, once it is known to be registered.</summary>
    public async Task<string> KnownMunicipalityAsync(string? value, CancellationToken ct)
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

    private static TurnedAwayKind KindOf(string kind) => kind switch
    {
        ReferralEvidence.RejectedNoCapacity => TurnedAwayKind.RejectedNoCapacity,
        ReferralEvidence.RejectedNotOffered => TurnedAwayKind.RejectedNotOffered,
        _ => TurnedAwayKind.CounterReferredNoCapacity,
    };
}
