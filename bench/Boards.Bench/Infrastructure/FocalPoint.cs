using Grpc.Core;

namespace Boards.Bench.Infrastructure;

/// <summary>
/// A focal point's token and municipality. Load is spread over every focal point so that no single client meets the
/// gateway's per-client rate limit before the system's own limit.
/// </summary>
public sealed record FocalPoint(string Municipality, string Token)
{
    public Metadata Headers { get; } = new() { { "Authorization", $"Bearer {Token}" } };
}
