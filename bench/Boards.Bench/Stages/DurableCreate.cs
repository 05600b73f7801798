using Boards.Bench.Infrastructure;

namespace Boards.Bench.Stages;

/// <summary>
/// CreateReferral through the gateway's gRPC port with focal points' tokens: validated, checked against the offer
/// catalog, committed with its outbox message, acknowledged. Each worker sends as its own focal point.
/// </summary>
public static class DurableCreate
{
    public static async Task<IReadOnlyList<LoadResult>> RunAsync(SystemUnderTest system, IReadOnlyList<FocalPoint> callers, Progress progress)
    {
        var results = new List<LoadResult>();
        foreach (var concurrency in system.Options.Concurrencies)
        {
            progress.Stage(3, $"Creación durable (CreateReferral), concurrencia {concurrency}");
            results.Add(await ClosedLoop.RunAsync(concurrency, system.Options.StepDuration, Call(system, callers)));
            progress.Detail(BaselineInsert.Describe(results[^1]));
        }

        return results;
    }

    /// <summary>One CreateReferral in the worker's focal point's own municipality.</summary>
    public static Func<int, CancellationToken, Task> Call(SystemUnderTest system, IReadOnlyList<FocalPoint> callers) =>
        async (worker, cancellationToken) =>
        {
            var caller = callers[worker % callers.Count];
            await system.Referrals.CreateReferralAsync(NewReferral.For(caller.Municipality), caller.Headers, cancellationToken: cancellationToken);
        };
}
