using MassTransit;

namespace Boards.BuildingBlocks.Tests.Data;

/// <summary>
/// A listener of one replica's own, as WatchReferrals' (on a temporary queue, see <see cref="Name"/>): records what it
/// saw and keeps nothing.
/// </summary>
public sealed class ThingWatcher(Probe probe) : IConsumer<ThingHappened>
{
    /// <summary>The temporary queue of the host started for <paramref name="runId"/>, with a name of its own per replica.</summary>
    public static string Name(string runId, int replica) => $"bbtest-{runId}-watch-{replica}";

    public Task Consume(ConsumeContext<ThingHappened> context)
    {
        if (context.Message.RunId == probe.RunId && context.MessageId is { } id)
        {
            probe.RecordWatched(id);
        }

        return Task.CompletedTask;
    }
}
