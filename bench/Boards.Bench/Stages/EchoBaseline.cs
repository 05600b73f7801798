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
        var message = new EchoMessage { Payload = new string('x', 600) };
        var results = new List<LoadResult>();
        foreach (var concurrency in system.Options.Concurrencies)
        {
            progress.Stage(2, $"Línea base B (eco gRPC por el gateway, sin base de datos), concurrencia {concurrency}");
            results.Add(await ClosedLoop.RunAsync(concurrency, system.Options.StepDuration, async (worker, cancellationToken) =>
                await system.Echo.EchoAsync(message, callers[worker % callers.Count].Headers, cancellationToken: cancellationToken)));
            progress.Detail(BaselineInsert.Describe(results[^1]));
        }

        return results;
    }
}
