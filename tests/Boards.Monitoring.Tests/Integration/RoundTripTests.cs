using System.Collections.Concurrent;
using System.Diagnostics;
using Boards.Monitoring.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Boards.Monitoring.Tests.Integration;

/// <summary>
/// What a referral's first event costs Monitoring's database: the statements the consumers send (Npgsql's own activity
/// per command, for this host's database) plus one commit per transaction (rows one transaction writes share its xmin),
/// one event at a time and in a burst (docs/performance.md, "The cost of one referral"). Alone it is the inbox claim,
/// the fact, the totals and the commit; in a burst the claim, the totals and the commit are shared by the batch. Other
/// hosts on the broker (other test classes, other runs) also send events to this host's queue: this class runs alone in
/// its process, and the comparison holds with a few such events in either window.
/// </summary>
[Collection(Name)]
public sealed class RoundTripTests(MonitoringHost host, ITestOutputHelper output) : IClassFixture<MonitoringHost>
{
    public const string Name = "Round trips";

    private const int Events = 40;

    private static readonly DateTimeOffset T0 = new(2025, 8, 6, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_burst_costs_fewer_round_trips_per_event_than_events_one_at_a_time()
    {
        var code = TestCodes.Unique();
        var alone = await MeasureAsync(code, async events =>
        {
            foreach (var (id, message) in events)
            {
                await host.PublishAndWaitAsync(message, id);
            }
        });
        var burst = await MeasureAsync(code, async events =>
        {
            await Task.WhenAll(events.Select(e => host.PublishAsync(e.Message, e.Id)));
            foreach (var (id, _) in events)
            {
                await host.WaitUntilConsumedAsync(id, deliveries: 1);
            }
        });

        output.WriteLine($"one at a time: {alone}");
        output.WriteLine($"burst:         {burst}");
        Assert.Equal(2 * Events, (await host.SummaryAsync(code))!.Referrals.Sent);
        Assert.True(alone.Transactions == Events, $"One at a time, each event is its own transaction: {alone}.");
        Assert.True(alone.Statements >= 3 * Events, $"One at a time: the claim, the fact and the totals for each event: {alone}.");
        Assert.True(burst.RoundTripsPerEvent < alone.RoundTripsPerEvent / 2, $"A burst shares its claim, totals and commit: {burst} against {alone}.");
    }

    private async Task<Cost> MeasureAsync(string code, Func<List<(Guid Id, object Message)>, Task> send)
    {
        var events = Enumerable.Range(0, Events)
            .Select(i => (Id: Guid.CreateVersion7(), Message: (object)new ReferralStory(code, T0.AddMinutes(i)).Requested()))
            .ToList();
        var statements = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("db.namespace"), host.DatabaseName) && activity.GetTagItem("db.query.text") is string text
                    && (text.Contains("inbox_messages", StringComparison.Ordinal) || text.Contains("referral_facts", StringComparison.Ordinal)
                        || text.Contains("municipality_referral_totals", StringComparison.Ordinal)))
                {
                    statements.Enqueue(text);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        await send(events);

        var count = statements.Count;
        var ids = events.Select(e => e.Id).ToArray();
        var transactions = await host.InScopeAsync(services => services.GetRequiredService<MonitoringDbContext>().Database
            .SqlQuery<int>($"""SELECT count(DISTINCT xmin::text)::int AS "Value" FROM inbox_messages WHERE "MessageId" = ANY({ids})""")
            .SingleAsync());
        return new Cost(Events, count, transactions);
    }

    private sealed record Cost(int Events, int Statements, int Transactions)
    {
        public double RoundTripsPerEvent => (double)(Statements + Transactions) / Events;

        public override string ToString() =>
            $"{Events} events, {Statements} statements, {Transactions} transactions: {RoundTripsPerEvent:0.00} round trips per event";
    }
}

[CollectionDefinition(RoundTripTests.Name, DisableParallelization = true)]
public sealed class RoundTripCollection;
