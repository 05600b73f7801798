namespace Boards.Monitoring.Tests.Integration;

/// <summary>
/// The totals the national table reads must always equal the full computation over every fact that the table used to
/// run on each request (<see cref="FullComputation"/>): after events that arrive late, twice, concurrently and out of
/// order, and after monitoring_rebuild_totals() has recomputed them from facts written outside the consumers.
/// </summary>
public sealed class NationalTotalsTests(MonitoringHost host) : IClassFixture<MonitoringHost>
{
    private static readonly DateTimeOffset T0 = new(2025, 7, 1, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Totals_equal_the_full_computation_after_late_duplicate_and_concurrent_events()
    {
        string[] codes = [TestCodes.Unique(), TestCodes.Unique(), TestCodes.Unique()];
        await host.PublishAndWaitAsync(TestCodes.Registration(codes[0], "Tavaí", "Caazapá", 6));
        var random = new Random(20251127);
        var deliveries = Enumerable.Range(0, 72)
            // Created 11 hours apart: over 33 days, so the monthly totals get two months per municipality.
            .SelectMany(i => Lifecycle(new ReferralStory(codes[i % codes.Length], T0.AddHours(i * 11)), i / codes.Length % 9, random))
            .Select(message => (Id: Guid.CreateVersion7(), Message: message))
            .ToList();
        // Redelivered under the same message id (the inbox drops it), and the same event published again under a new id
        // (the fact's version and milestone rules drop it).
        var redelivered = deliveries.Where((_, i) => i % 5 == 0).ToList();
        var republished = deliveries.Where((_, i) => i % 7 == 3).Select(d => (Id: Guid.CreateVersion7(), d.Message)).ToList();
        var all = deliveries.Concat(redelivered).Concat(republished).OrderBy(_ => random.Next()).ToList();

        await Task.WhenAll(all.Select(d => host.PublishAsync(d.Message, d.Id)));
        foreach (var delivery in all.GroupBy(d => d.Id))
        {
            await host.WaitUntilConsumedAsync(delivery.Key, delivery.Count());
        }

        var expected = await FullComputation.FromFactsAsync(host.DatabaseConnectionString, codes);
        Assert.Equal(codes.Length, expected.Count);
        Assert.All(expected, e => Assert.True(e.Overdue > 0 && e.Completed > 0 && e.MedianSecondsToCounterReferral is not null, $"{e} misses a case"));
        Assert.Equal(expected, await FullComputation.KeptAsync(host.DatabaseConnectionString, codes));
        // The monthly totals the period filters add up equal the same computation month by month.
        var months = await FullComputation.MonthsFromFactsAsync(host.DatabaseConnectionString, codes);
        Assert.Equal(months, await FullComputation.MonthsKeptAsync(host.DatabaseConnectionString, codes));
        Assert.True(months.Count > codes.Length, "the referrals should span several months");

        // The national table shows them, rounded as before.
        var shown = (await host.AllSummariesAsync()).Where(s => codes.Contains(s.Code)).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(AsSummary).OrderBy(s => s.Code, StringComparer.Ordinal).Select(Indicators), shown.Select(Indicators));
        Assert.Equal("Tavaí", shown.Single(s => s.Code == codes[0]).Name);
    }

    [Fact]
    public async Task Rebuild_recomputes_the_totals_from_facts_written_outside_the_consumers_and_events_continue_from_there()
    {
        var consumed = TestCodes.Unique();
        var seeded = TestCodes.Unique();
        var story = new ReferralStory(consumed, T0);
        await host.PublishAndWaitAsync(story.Requested());
        await host.PublishAndWaitAsync(story.Accepted(afterDays: 2));
        // As the benchmark seeds: plain SQL, the consumers never see these facts.
        await FullComputation.ExecuteAsync(host.DatabaseConnectionString, $"""
            INSERT INTO referral_facts (referral_id, municipality_code, status, version, created_at, accepted_at,
                                        counter_referred_at, overdue, need_category)
            SELECT gen_random_uuid(), CASE WHEN i % 2 = 0 THEN '{consumed}' ELSE '{seeded}' END,
                   (ARRAY['requested', 'accepted', 'completed', 'rejected'])[1 + i % 4], 2,
                   '2025-07-01T00:00:00Z'::timestamptz + i * interval '1 hour',
                   CASE WHEN i % 4 IN (1, 2) THEN '2025-07-01T00:00:00Z'::timestamptz + i * interval '90 minutes' END,
                   CASE WHEN i % 4 = 2 THEN '2025-07-01T00:00:00Z'::timestamptz + i * interval '150 minutes' END,
                   i % 3 = 0, 'salud'
            FROM generate_series(1, 41) i
            """);
        Assert.NotEqual(
            await FullComputation.FromFactsAsync(host.DatabaseConnectionString, consumed, seeded),
            await FullComputation.KeptAsync(host.DatabaseConnectionString, consumed, seeded));

        await FullComputation.ExecuteAsync(host.DatabaseConnectionString, "SELECT monitoring_rebuild_totals()");

        var rebuilt = await FullComputation.FromFactsAsync(host.DatabaseConnectionString, consumed, seeded);
        Assert.Equal(rebuilt, await FullComputation.KeptAsync(host.DatabaseConnectionString, consumed, seeded));
        Assert.Equal(
            await FullComputation.MonthsFromFactsAsync(host.DatabaseConnectionString, consumed, seeded),
            await FullComputation.MonthsKeptAsync(host.DatabaseConnectionString, consumed, seeded));
        Assert.Equal(21, rebuilt.Single(r => r.Code == consumed).Sent);   // 1 consumed + 20 seeded
        Assert.Equal(21, (await host.SummaryAsync(seeded))!.Referrals.Sent);

        // The consumers carry on from the rebuilt figures.
        await host.PublishAndWaitAsync(story.CounterReferred(afterDays: 9, version: 3));
        var after = await FullComputation.FromFactsAsync(host.DatabaseConnectionString, consumed, seeded);
        Assert.Equal(after, await FullComputation.KeptAsync(host.DatabaseConnectionString, consumed, seeded));
        Assert.Equal(
            await FullComputation.MonthsFromFactsAsync(host.DatabaseConnectionString, consumed, seeded),
            await FullComputation.MonthsKeptAsync(host.DatabaseConnectionString, consumed, seeded));
        Assert.Equal(rebuilt.Single(r => r.Code == consumed).Completed + 1, after.Single(r => r.Code == consumed).Completed);
    }

    /// <summary>One referral's events, in the order they happened: nine kinds of lifecycle, with random durations.</summary>
    private static IEnumerable<object> Lifecycle(ReferralStory story, int kind, Random random)
    {
        var accept = 0.1 + random.NextDouble() * 9;
        var counterRefer = accept + 1 + random.NextDouble() * 30;
        yield return story.Requested();
        switch (kind)
        {
            case 1:
                yield return story.Overdue("requested", version: 1, afterDays: 6);
                break;
            case 2:
                yield return story.Accepted(accept);
                yield return story.Accepted(accept / 2); // an earlier copy moves the acceptance date, and the median
                break;
            case 3:
                yield return story.Accepted(accept);
                yield return story.Overdue("accepted", version: 2, afterDays: 40);
                break;
            case 4:
                yield return story.Rejected(1);
                break;
            case 5:
                yield return story.Cancelled(1);
                break;
            case 6:
                yield return story.Accepted(accept);
                yield return story.Started(accept + 0.5);
                yield return story.CounterReferred(counterRefer, version: 4);
                break;
            case 7:
                yield return story.Accepted(accept);
                yield return story.CounterReferred(counterRefer, version: 3, gotHelp: false);
                break;
            case 8:
                yield return story.Overdue("requested", version: 1, afterDays: 6);
                yield return story.Accepted(accept + 6);
                yield return story.Overdue("accepted", version: 2, afterDays: 40);
                yield return story.Started(accept + 7);
                yield return story.CounterReferred(counterRefer + 6, version: 4);
                break;
        }
    }

    private static object Indicators(MunicipalitySummary s) =>
        (s.Code, s.Referrals, s.ClosedLoopRate, s.MedianDaysToAccept, s.MedianDaysToCounterReferral);

    private static MunicipalitySummary AsSummary(MunicipalityFigures figures) => MunicipalitySummary.Create(
        figures.Code,
        null,
        null,
        null,
        new ReferralCounts(
            (int)figures.Sent,
            (int)figures.Open,
            (int)figures.Accepted,
            (int)figures.Rejected,
            (int)figures.Completed,
            (int)figures.Failed,
            (int)figures.Cancelled,
            (int)figures.Overdue),
        figures.MedianSecondsToAccept,
        figures.MedianSecondsToCounterReferral);
}
