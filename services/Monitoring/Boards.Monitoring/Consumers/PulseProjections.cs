using Boards.Monitoring.Domain.Pulse;
using Boards.Participation.Contracts.Events;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// One row per pulse answer (docs/pulse.md, "Indices"): inserted once by its answer id, so a redelivered event, even with
/// a new message id, counts once. The indices are computed from these rows when read.
/// </summary>
public sealed class PulseAnswerRecordedProjection : IReadModelProjection<PulseAnswerRecorded>
{
    public async Task<string?> ApplyAsync(MonitoringDbContext db, PulseAnswerRecorded message, CancellationToken cancellationToken)
    {
        var code = PulseMapping.Code(message.MunicipalityCode, $"PulseAnswerRecorded {message.AnswerId}");
        var fact = PulseAnswerFact.From(message.AnswerId, code, message.Quarter, message.Source, message.AgeBand, message.Channel,
            message.WithCode, message.Scores, message.EndowmentShare);
        return await db.TryInsertAsync(fact, cancellationToken) ? code : null;
    }
}

/// <summary>One row per printing of slips, by its batch id: the response rate's denominator.</summary>
public sealed class PulseCodesIssuedProjection : IReadModelProjection<PulseCodesIssued>
{
    public async Task<string?> ApplyAsync(MonitoringDbContext db, PulseCodesIssued message, CancellationToken cancellationToken)
    {
        var code = PulseMapping.Code(message.MunicipalityCode, $"PulseCodesIssued {message.BatchId}");
        var batch = PulseSlipBatch.From(message.BatchId, code, message.Quarter, message.Source, message.AgeBand, message.Count);
        return await db.TryInsertAsync(batch, cancellationToken) ? code : null;
    }
}

public static class PulseMapping
{
    /// <summary>The code normalized; an event without a municipality breaks the contract and faults.</summary>
    public static string Code(string? municipalityCode, string what)
    {
        var code = MunicipalityCodes.Normalize(municipalityCode);
        return code.Length > 0 ? code : throw new InvalidOperationException($"{what} arrived without a municipality code.");
    }
}
