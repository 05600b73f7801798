using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Boards.BuildingBlocks.Tests.Discovery;

/// <summary>
/// A DNS that answers what the test says (as a cluster's DNS answers for a headless Service: one address per ready pod),
/// and counts the questions. An unknown name is "host not found", as Dns.GetHostAddressesAsync reports it.
/// </summary>
public sealed class DnsAnswers
{
    private int _questions;

    public ConcurrentDictionary<string, IPAddress[]> Records { get; } = new(StringComparer.Ordinal);

    public int Questions => Volatile.Read(ref _questions);

    public Task<IPAddress[]> LookupAsync(string hostName, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _questions);
        return Records.TryGetValue(hostName, out var addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
    }
}
