using Boards.Bench.Infrastructure;
using Boards.BuildingBlocks.Api.Grpc;

namespace Boards.Bench.Stages;

/// <summary>
/// Baseline B, the transport's own limit: the unary Echo through the gateway's gRPC port to the referrals service and
/// back, with a token (validated by the gateway and the service) and no database.
/// </summary>
public static class EchoBaseline
{
    public static async Task<IReadOnlyList<LoadResult>> RunAsync(SystemUnderTest system, IReadOnlyList<FocalPoint> callers, Progress progress)
    {
        var results = new List<LoadResult>();
        foreach (var concurrency in system.Options.Concurrencies)
        {
            progress.Stage(2, $"Línea base B (eco gRPC por el gateway, sin base de datos), concurrencia {concurrency}");
            results.Add(await ClosedLoop.RunAsync(concurrency, system.Options.StepDuration, Call(system, callers)));
            progress.Detail(BaselineInsert.Describe(results[^1]));
        }

        return results;
    }

    /// <summary>One echo of 600 characters, each worker as one of the focal points.</summary>
    public static Func<int, CancellationToken, Task> Call(SystemUnderTest system, IReadOnlyList<FocalPoint> callers)
    {
        var message = new EchoMessage { Payload = new string('x', 600) };
        return async (worker, cancellationToken) =>
            await system.Echo.EchoAsync(message, callers[worker % callers.Count].Headers, cancellationToken: cancellationToken);
    }
}
