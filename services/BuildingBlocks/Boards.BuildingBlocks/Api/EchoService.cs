using Boards.BuildingBlocks.Api.Grpc;
using Grpc.Core;

namespace Boards.BuildingBlocks.Api;

/// <summary>
/// Answers with what it was sent, touching nothing: the benchmark's transport baseline (docs/performance.md).
/// Authenticated like every other call through the fallback policy.
/// </summary>
public sealed class EchoService : Echo.EchoBase
{
    public override Task<EchoMessage> Echo(EchoMessage request, ServerCallContext context) => Task.FromResult(request);
}
