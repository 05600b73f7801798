using Boards.Participation.Domain;
using Boards.Participation.Domain.Codes;

namespace Boards.Participation.Features.ListSlips;

/// <summary>One printing of slips, without its codes (they are not kept).</summary>
public sealed record SlipBatchView(
    Guid Id, string MunicipalityCode, string Source, string Quarter, string AgeBand, int Count, string IssuedBy, DateTimeOffset IssuedAt, DateOnly ExpiresOn)
{
    public static SlipBatchView From(SlipBatch batch) =>
        new(batch.Id, batch.MunicipalityCode, batch.Source, batch.Quarter, batch.AgeBand, batch.Count, batch.IssuedBy, batch.IssuedAt, batch.ExpiresOn);
}

/// <summary>The slips printed in a municipality (a focal point's own unless they are ministry), newest first.</summary>
public sealed class ListSlipsHandler(ParticipationDbContext db)
{
    public async Task<IReadOnlyList<SlipBatchView>> HandleAsync(string? municipality, string? quarter, Caller caller, CancellationToken ct)
    {
        var code = PulseAccess.ListScope(caller, municipality);
        var query = db.SlipBatches.AsNoTracking();
        if (code is not null)
        {
            query = query.Where(b => b.MunicipalityCode == code);
        }

        if (!string.IsNullOrWhiteSpace(quarter))
        {
            var parsed = Quarter.Parse(quarter) ?? throw ValidationFailedException.For("quarter", "Indique el trimestre como 2026-Q4.");
            var text = parsed.ToString();
            query = query.Where(b => b.Quarter == text);
        }

        var batches = await query.OrderByDescending(b => b.IssuedAt).Take(ParticipationLimits.MaxPageSize).ToListAsync(ct);
        return batches.Select(SlipBatchView.From).ToList();
    }
}
