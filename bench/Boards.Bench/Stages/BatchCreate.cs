using System.Diagnostics;
using Boards.Bench.Infrastructure;
using Boards.Referrals.Contracts.Grpc;
using Grpc.Core;

namespace Boards.Bench.Stages;

/// <summary>
/// BatchCreateReferrals of 100 items against 100 CreateReferral calls one after another, by the same caller:
/// referrals per second of each, and their ratio. Rounds alternate so both see the same state of the database.
/// </summary>
public static class BatchCreate
{
    public static async Task<BatchResult> RunAsync(SystemUnderTest system, FocalPoint caller, Progress progress)
    {
        var options = system.Options;
        progress.Stage(6, $"Creación en lote: {options.BatchRounds} lotes de {options.BatchSize} contra {options.BatchRounds}×{options.BatchSize} creaciones sueltas");
        var singles = TimeSpan.Zero;
        var batches = TimeSpan.Zero;
        var itemErrors = new Dictionary<string, int>();
        for (var round = 0; round < options.BatchRounds; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < options.BatchSize; i++)
            {
                await system.Referrals.CreateReferralAsync(NewReferral.For(caller.Municipality), caller.Headers);
            }

            singles += clock.Elapsed;

            var batch = new BatchCreateReferralsRequest();
            for (var i = 0; i < options.BatchSize; i++)
            {
                batch.Items.Add(new BatchReferralItem { ReferenceId = $"bench-{Guid.NewGuid():N}", Referral = NewReferral.For(caller.Municipality) });
            }

            clock.Restart();
            try
            {
                var response = await system.Referrals.BatchCreateReferralsAsync(batch, caller.Headers);
                batches += clock.Elapsed;
                foreach (var error in response.Results.Where(r => r.OutcomeCase != BatchReferralResult.OutcomeOneofCase.Referral))
                {
                    var code = error.Error?.Code ?? "SIN_RESULTADO";
                    itemErrors[code] = itemErrors.GetValueOrDefault(code) + 1;
                }
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.Unimplemented)
            {
                progress.Detail("BatchCreateReferrals no está implementado en el servicio: no se midió.");
                return new BatchResult(options.BatchSize, options.BatchRounds, Math.Round(options.BatchSize * (round + 1) / singles.TotalSeconds, 1), null, null, itemErrors,
                    "UNIMPLEMENTED");
            }

            progress.Detail($"ronda {round + 1}: sueltas {singles.TotalSeconds:0.00} s acumulados, lotes {batches.TotalSeconds:0.00} s acumulados");
        }

        var items = options.BatchSize * options.BatchRounds;
        var singlesPerSecond = Math.Round(items / singles.TotalSeconds, 1);
        var batchPerSecond = Math.Round(items / batches.TotalSeconds, 1);
        var result = new BatchResult(options.BatchSize, options.BatchRounds, singlesPerSecond, batchPerSecond, Math.Round(batchPerSecond / singlesPerSecond, 2), itemErrors, null);
        progress.Detail($"sueltas {singlesPerSecond}/s, en lote {batchPerSecond}/s, razón {result.BatchOverSingles}" +
            (itemErrors.Count == 0 ? "" : $", errores por ítem: {string.Join(", ", itemErrors.Select(e => $"{e.Key}×{e.Value}"))}"));
        return result;
    }
}

public sealed record BatchResult(int BatchSize, int Rounds, double SinglesPerSecond, double? BatchPerSecond, double? BatchOverSingles,
    IReadOnlyDictionary<string, int> ItemErrors, string? NotMeasured);
