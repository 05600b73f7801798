using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.BuildingBlocks.Tests;

/// <summary>
/// ARCHITECTURE.md: the trace context of the request that wrote an outbox row is stored with it, so the relay's publish
/// span and, through MassTransit's headers, the consumer's spans continue the same trace across the real RabbitMQ.
/// </summary>
public sealed class TraceContinuationTests : MessagingTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Stands for the incoming request (in a service, ASP.NET Core's server span).</summary>
    private static readonly ActivitySource RequestSource = new("TraceContinuationTests.Request");

    private const string MessageIdTag = "messaging.masstransit.message_id";

    [Fact]
    public async Task The_trace_of_the_write_continues_through_the_relay_and_rabbitmq_into_the_consumer()
    {
        using var recorder = new ActivityRecorder(RequestSource.Name);
        Assert.Null(Activity.Current);
        var host = await StartHostAsync(relayRunsInBackground: true);
        var consumeObserver = new CurrentTraceObserver(Probe.RunId);
        using var connection = host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumeObserver);

        ActivityContext request;
        OutboxMessage outbox;
        using (var activity = RequestSource.StartActivity("POST /things", ActivityKind.Server))
        {
            Assert.NotNull(activity);
            request = activity.Context;
            (_, outbox) = await WriteChangeAsync(); // the commit wakes the relay, which runs on its own, not under this activity
        }

        Assert.Null(Activity.Current);
        Assert.Equal(TraceParent(request), (await OutboxRowAsync(outbox.Id))!.TraceParent);

        var consume = await recorder.WaitForAsync(a => IsConsumerProcess(a, host.ConsumerQueue, outbox.Id), Patience, "the consumer's process activity");
        var publish = recorder.Single(a => a.Source.Name == "Boards.Outbox" && a.OperationName == "outbox publish ThingHappened" && OnTrace(a, request.TraceId));

        // The relay's publish span is a child of the request's span, taken from the row (nothing was current in the relay).
        Assert.Equal(ActivityKind.Producer, publish.Kind);
        Assert.Equal(request.TraceId, publish.TraceId);
        Assert.Equal(request.SpanId, publish.ParentSpanId);
        Assert.Null(publish.Parent);

        // The consumer, behind the broker, is on the same trace, and its ancestry passes through the relay's publish span.
        Assert.Equal(request.TraceId, consume.TraceId);
        var ancestry = recorder.Ancestry(consume);
        Assert.Contains(publish.SpanId, ancestry);
        Assert.Equal(request.SpanId, ancestry[^1]);

        // What code running in the consumer pipeline sees as Activity.Current.
        var current = Assert.Single(consumeObserver.TraceIdsOf(outbox.Id));
        Assert.Equal(request.TraceId, current);
        Assert.Equal(1, await HandledCountAsync(outbox.Id));
    }

    [Fact]
    public async Task Each_event_carries_the_trace_of_its_own_write_even_when_published_later_by_another_host()
    {
        using var recorder = new ActivityRecorder(RequestSource.Name);
        Assert.Null(Activity.Current);

        // Written while no relay runs at all (a service restarting, or the broker down).
        ActivityContext request;
        OutboxMessage traced;
        using (var activity = RequestSource.StartActivity("POST /things", ActivityKind.Server))
        {
            Assert.NotNull(activity);
            request = activity.Context;
            (_, traced) = await WriteChangeAsync(sequence: 1);
        }

        // Written outside any request (a background job): it must start a trace of its own, not join the other one.
        var (_, untraced) = await WriteChangeAsync(sequence: 2);
        Assert.Null((await OutboxRowAsync(untraced.Id))!.TraceParent);

        // A host started afterwards publishes both in one relay pass.
        var host = await StartHostAsync(relayRunsInBackground: true);

        var tracedConsume = await recorder.WaitForAsync(a => IsConsumerProcess(a, host.ConsumerQueue, traced.Id), Patience, "the traced event's process activity");
        var untracedConsume = await recorder.WaitForAsync(a => IsConsumerProcess(a, host.ConsumerQueue, untraced.Id), Patience, "the untraced event's process activity");

        Assert.Equal(request.TraceId, tracedConsume.TraceId);
        Assert.Equal(request.SpanId, recorder.Ancestry(tracedConsume)[^1]);
        Assert.NotEqual(request.TraceId, untracedConsume.TraceId);
        var untracedPublish = recorder.Single(a => a.Source.Name == "Boards.Outbox" && OnTrace(a, untracedConsume.TraceId));
        Assert.Equal(default, untracedPublish.ParentSpanId); // a root: the relay's publish span starts that trace
        Assert.Equal(1, await HandledCountAsync(traced.Id));
        Assert.Equal(1, await HandledCountAsync(untraced.Id));
    }

    private static string TraceParent(ActivityContext context) =>
        $"00-{context.TraceId}-{context.SpanId}-{(context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00")}";

    private static bool OnTrace(Activity activity, ActivityTraceId traceId) => activity.TraceId == traceId;

    /// <summary>
    /// MassTransit's span around the consumer itself, for one message on this test's queue (the event's exchange is
    /// shared: other tests' consumers receive the same message and ignore it).
    /// </summary>
    private static bool IsConsumerProcess(Activity activity, string queue, Guid messageId) =>
        activity.Source.Name == "MassTransit"
        && activity.Kind == ActivityKind.Consumer
        && activity.DisplayName == $"{queue} process"
        && Equals(activity.GetTagItem(MessageIdTag)?.ToString(), messageId.ToString());

    /// <summary>
    /// Samples and records every activity of our sources, MassTransit's and the test's own, while it lives. Activities
    /// are kept from their start: a parent (the relay's publish, MassTransit's receive) may still be running when its
    /// child has already stopped.
    /// </summary>
    private sealed class ActivityRecorder : IDisposable
    {
        private readonly ConcurrentQueue<Activity> _started = new();
        private readonly ActivityListener _listener;

        public ActivityRecorder(string testSource)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source =>
                    source.Name.StartsWith("Boards.", StringComparison.Ordinal) || source.Name == "MassTransit" || source.Name == testSource,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStarted = _started.Enqueue,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public Activity Single(Func<Activity, bool> predicate) => Assert.Single(_started, a => predicate(a));

        /// <summary>Waits until an activity matching <paramref name="predicate"/> has stopped (its work is done).</summary>
        public async Task<Activity> WaitForAsync(Func<Activity, bool> predicate, TimeSpan timeout, string what)
        {
            await Eventually.HoldsAsync(() => Task.FromResult(_started.Any(a => a.IsStopped && predicate(a))), timeout, what);
            return Assert.Single(_started, a => predicate(a));
        }

        /// <summary>The span ids of <paramref name="activity"/>'s ancestors, nearest first, as far as recorded spans (or a parent id) reach.</summary>
        public List<ActivitySpanId> Ancestry(Activity activity)
        {
            var spans = _started.Where(a => a.TraceId == activity.TraceId).ToDictionary(a => a.SpanId);
            var ancestry = new List<ActivitySpanId>();
            var parent = activity.ParentSpanId;
            while (parent != default && ancestry.Count < 32)
            {
                ancestry.Add(parent);
                parent = spans.TryGetValue(parent, out var span) ? span.ParentSpanId : default;
            }

            return ancestry;
        }

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>Notes <see cref="Activity.Current"/>'s trace as the consumer pipeline of this run sees it, per message.</summary>
    private sealed class CurrentTraceObserver(string runId) : IConsumeObserver
    {
        private readonly ConcurrentQueue<(Guid MessageId, ActivityTraceId TraceId)> _seen = new();

        public IReadOnlyList<ActivityTraceId> TraceIdsOf(Guid messageId) =>
            _seen.Where(s => s.MessageId == messageId).Select(s => s.TraceId).ToList();

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.Message is ThingHappened thing && thing.RunId == runId && context.MessageId is { } id)
            {
                _seen.Enqueue((id, Activity.Current?.TraceId ?? default));
            }

            return Task.CompletedTask;
        }

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}
