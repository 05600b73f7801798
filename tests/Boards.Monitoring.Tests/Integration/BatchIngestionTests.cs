using Boards.Monitoring.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Monitoring.Tests.Integration;

/// <summary>
/// Monitoring consumes in batches (docs/messaging.md, "Batches"): a burst of referral events, copies included, is
/// counted once each, in fewer transactions than events, the totals equal the full computation over the facts, and the
/// municipality is noted for one MunicipalityIndicatorsChanged. Transactions are counted from the inbox rows' xmin: rows
/// one transaction writes share it. The batch settings are the service's defaults.
/// </summary>
public sealed class BatchIngestionTests(IndicatorsHost host) : IClassFixture<IndicatorsHost>
{
    private static readonly DateTimeOffset T0 = new(2025, 8, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_burst_of_events_is_counted_once_each_in_fewer_transactions_than_events()
    {
        var code = TestCodes.Unique();
        var stories = Enumerable.Range(0, 30).Select(i => new ReferralStory(code, T0.AddHours(i))).ToList();
        var unique = stories.Select(s => (Id: Guid.CreateVersion7(), Message: (object)s.Requested()))
            .Concat(stories.Take(10).Select((s, i) => (Id: Guid.CreateVersion7(), Message: (object)s.Accepted(afterDays: 1 + i))))
            .ToList();
        var all = unique.Concat(unique.Where((_, i) => i % 4 == 0)).ToList(); // every fourth again, under its message id

        await Task.WhenAll(all.Select(d => host.PublishAsync(d.Message, d.Id)));
        foreach (var delivery in all.GroupBy(d => d.Id))
        {
            await host.WaitUntilConsumedAsync(delivery.Key, delivery.Count());
        }

        Assert.All(all, d => Assert.Equal(0, host.Faults(d.Id)));
        var summary = (await host.SummaryAsync(code))!;
        Assert.Equal(new ReferralCounts(Sent: 30, Open: 30, Accepted: 10, Rejected: 0, Completed: 0, Failed: 0, Cancelled: 0, Overdue: 0),
            summary.Referrals);
        Assert.Equal(5.5, summary.MedianDaysToAccept);
        Assert.Equal(
            await FullComputation.FromFactsAsync(host.DatabaseConnectionString, code),
            await FullComputation.KeptAsync(host.DatabaseConnectionString, code));

        var ids = unique.Select(d => d.Id).ToArray();
        var (rows, transactions) = await InboxAsync(ids);
        Assert.Equal(ids.Length, rows);
        Assert.True(transactions < ids.Length, $"{ids.Length} events took {transactions} transactions.");

        // Noted after the commits, once for the municipality.
        Assert.True(await host.AnnounceAsync() >= 1);
        Assert.Single(await host.OutboxedChangesAsync(code));
    }

    /// <summary>Inbox rows of these message ids, and how many transactions wrote them.</summary>
    private Task<(int Rows, int Transactions)> InboxAsync(Guid[] messageIds) => host.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<MonitoringDbContext>();
        var rows = await db.Database
            .SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM inbox_messages WHERE "MessageId" = ANY({messageIds})""")
            .SingleAsync();
        var transactions = await db.Database
            .SqlQuery<int>($"""SELECT count(DISTINCT xmin::text)::int AS "Value" FROM inbox_messages WHERE "MessageId" = ANY({messageIds})""")
            .SingleAsync();
        return (rows, transactions);
    });
}
