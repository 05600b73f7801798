using System.Text;
using Boards.Referrals.Features.WatchReferrals;
using MassTransit;

namespace Boards.Referrals.Consumers;

/// <summary>
/// This replica's own queue for <see cref="ReferralChangeConsumer"/>: a name no other process has (machine name and a
/// random part), temporary (MassTransit makes it non-durable and exclusive to the replica's connection, so the broker
/// deletes it with that connection), so every replica gets its copy of every referral change and a stopped replica
/// leaves nothing behind.
/// </summary>
public sealed record ReferralWatchQueue(string Name)
{
    public static ReferralWatchQueue ForThisInstance()
    {
        var machine = new StringBuilder();
        foreach (var c in Environment.MachineName.ToLowerInvariant())
        {
            machine.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var host = machine.Length > 30 ? machine.ToString(0, 30) : machine.ToString();
        return new ReferralWatchQueue($"referrals-watch-{host}-{Guid.NewGuid().ToString("N")[..8]}");
    }

    /// <summary>Whether the endpoint at <paramref name="inputAddress"/> is this queue.</summary>
    public bool Is(Uri inputAddress) => inputAddress.Segments.Length > 0 && inputAddress.Segments[^1].TrimEnd('/') == Name;
}

/// <summary>Tells the feed when this replica's watch queue consumes, and when it stopped (broker lost, queue deleted, shutdown).</summary>
public sealed class ReferralWatchQueueObserver(ReferralWatchQueue queue, ReferralChangeFeed feed) : IReceiveEndpointObserver
{
    public Task Ready(ReceiveEndpointReady ready)
    {
        if (queue.Is(ready.InputAddress))
        {
            feed.Connected();
        }

        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Lost(stopping.InputAddress);

    public Task Completed(ReceiveEndpointCompleted completed) => Lost(completed.InputAddress);

    public Task Faulted(ReceiveEndpointFaulted faulted) => Lost(faulted.InputAddress);

    private Task Lost(Uri inputAddress)
    {
        if (queue.Is(inputAddress))
        {
            feed.Disconnected();
        }

        return Task.CompletedTask;
    }
}
