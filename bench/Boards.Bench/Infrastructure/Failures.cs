using System.Collections.Concurrent;
using Grpc.Core;

namespace Boards.Bench.Infrastructure;

/// <summary>Failed calls counted by kind (a gRPC status code, an HTTP status, an exception type).</summary>
public sealed class Failures
{
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private string? _firstMessage;

    public string? FirstMessage => _firstMessage;

    public void Add(Exception error)
    {
        var kind = error switch
        {
            RpcException rpc => rpc.StatusCode.ToString(),
            HttpRequestException http when http.StatusCode is { } status => $"HTTP {(int)status}",
            _ => error.GetType().Name,
        };
        _counts.AddOrUpdate(kind, 1, (_, count) => count + 1);
        Interlocked.CompareExchange(ref _firstMessage, error.Message, null);
    }

    public IReadOnlyDictionary<string, int> ToDictionary() => new Dictionary<string, int>(_counts);
}
