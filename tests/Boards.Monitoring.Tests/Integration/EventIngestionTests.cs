namespace Boards.Monitoring.Tests.Integration;

/// <summary>
/// Real events through real RabbitMQ into the real read model in PostgreSQL: duplicates, disorder, the indicators and
/// the SQL medians. Each test works in its own municipality codes, so the tests can share one host and one database.
/// </summary>
public sealed class EventIngestionTests(MonitoringHost host) : IClassFixture<MonitoringHost>
{
    private static readonly DateTimeOffset T0 = new(2025, 5, 5, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task All_consumers_share_one_receive_endpoint()
    {
        var (exists, consumers) = await host.InspectQueueAsync(host.ReceiveEndpoint);

        Assert.True(exists);
        Assert.Equal(1u, consumers);
        // Without the shared endpoint MassTransit would have made one queue per consumer.
        Assert.False((await host.InspectQueueAsync("monitoring-referral-requested")).Exists);
    }

    [Fact]
    public async Task The_same_event_delivered_twice_is_counted_once()
    {
        var code = TestCodes.Unique();
        var story = new ReferralStory(code, T0);
        var messageId = Guid.CreateVersion7();

        await host.PublishAsync(story.Requested(), messageId);
        await host.PublishAsync(story.Requested(), messageId);
        await host.WaitUntilConsumedAsync(messageId, deliveries: 2);

        var summary = await host.SummaryAsync(code);
        Assert.NotNull(summary);
        Assert.Equal(1, summary.Referrals.Sent);
        Assert.Equal(1, summary.Referrals.Open);
        Assert.Equal(0, host.Faults(messageId));
    }

    [Fact]
    public async Task A_redelivered_acceptance_keeps_its_first_date()
    {
        var code = TestCodes.Unique();
        var story = new ReferralStory(code, T0);
        var acceptance = Guid.CreateVersion7();

        await host.PublishAndWaitAsync(story.Requested());
        await host.PublishAndWaitAsync(story.Accepted(afterDays: 1), acceptance);
        // The same message id again, even with a different body, is dropped by the inbox.
        await host.PublishAndWaitAsync(story.Accepted(afterDays: 9), acceptance);

        var fact = await host.FactAsync(story.ReferralId);
        Assert.NotNull(fact);
        Assert.Equal(T0.AddDays(1), fact.AcceptedAt);
        Assert.Equal(1, (await host.SummaryAsync(code))!.Referrals.Accepted);
    }

    [Fact]
    public async Task Accepted_before_requested_ends_up_accepted()
    {
        var code = TestCodes.Unique();
        var story = new ReferralStory(code, T0);

        await host.PublishAndWaitAsync(story.Accepted(afterDays: 2));
        await host.PublishAndWaitAsync(story.Requested());

        var fact = await host.FactAsync(story.ReferralId);
        Assert.NotNull(fact);
        Assert.Equal(ReferralStatus.Accepted, fact.Status);
        Assert.Equal(2, fact.Version);
        Assert.Equal(T0, fact.CreatedAt);
        Assert.Equal(T0.AddDays(2), fact.AcceptedAt);

        var summary = (await host.SummaryAsync(code))!;
        Assert.Equal(new ReferralCounts(Sent: 1, Open: 1, Accepted: 1, Rejected: 0, Completed: 0, Failed: 0, Cancelled: 0, Overdue: 0), summary.Referrals);
        Assert.Equal(2.0, summary.MedianDaysToAccept);
    }

    [Fact]
    public async Task A_later_status_clears_overdue_and_an_old_overdue_does_not_bring_it_back()
    {
        var code = TestCodes.Unique();
        var story = new ReferralStory(code, T0);

        await host.PublishAndWaitAsync(story.Requested());
        await host.PublishAndWaitAsync(story.Overdue("requested", version: 1, afterDays: 5));
        Assert.Equal(1, (await host.SummaryAsync(code))!.Referrals.Overdue);

        await host.PublishAndWaitAsync(story.Accepted(afterDays: 6));
        Assert.Equal(0, (await host.SummaryAsync(code))!.Referrals.Overdue);

        // A late copy of the old overdue (another message id) is old news.
        await host.PublishAndWaitAsync(story.Overdue("requested", version: 1, afterDays: 5));
        var summary = (await host.SummaryAsync(code))!;
        Assert.Equal(0, summary.Referrals.Overdue);
        Assert.Equal(1, summary.Referrals.Open);
    }

    [Fact]
    public async Task Indicators_count_by_origin_municipality_and_compute_rate_and_medians()
    {
        var code = TestCodes.Unique();
        var elsewhere = TestCodes.Unique();
        await host.PublishAndWaitAsync(TestCodes.Registration(code, "Tavaí", "Caazapá", 6));

        var completed = new ReferralStory(code, T0);                   // accepted after 1 day, completed after 3
        var failed = new ReferralStory(code, T0.AddHours(5));          // accepted after 2 days, failed after 6
        var acceptedOverdue = new ReferralStory(code, T0.AddDays(1));  // accepted after 4 days, then overdue
        var rejected = new ReferralStory(code, T0);
        var cancelled = new ReferralStory(code, T0);
        var requestedOverdue = new ReferralStory(code, T0);
        var fromElsewhere = new ReferralStory(elsewhere, T0);          // counts for its own origin only

        object[] events =
        [
            completed.Requested(), completed.Accepted(1), completed.Started(2), completed.CounterReferred(3, version: 4),
            failed.Requested(), failed.Accepted(2), failed.CounterReferred(6, version: 3, gotHelp: false),
            acceptedOverdue.Requested(), acceptedOverdue.Accepted(4), acceptedOverdue.Overdue("accepted", version: 2, afterDays: 40),
            rejected.Requested(), rejected.Rejected(1),
            cancelled.Requested(), cancelled.Cancelled(1),
            requestedOverdue.Requested(), requestedOverdue.Overdue("requested", version: 1, afterDays: 6),
            fromElsewhere.Requested(),
        ];
        foreach (var message in events)
        {
            await host.PublishAsync(message);
        }

        var expected = new ReferralCounts(Sent: 6, Open: 2, Accepted: 3, Rejected: 1, Completed: 1, Failed: 1, Cancelled: 1, Overdue: 2);
        MunicipalitySummary? summary = null;
        MunicipalitySummary? other = null;
        // Consumers run concurrently, so both municipalities are waited for, not only the first.
        await MonitoringHost.WaitUntilAsync(async () =>
        {
            summary = await host.SummaryAsync(code);
            other = await host.SummaryAsync(elsewhere);
            return summary?.Referrals == expected && summary.MedianDaysToCounterReferral is not null
                && other?.Referrals.Sent == 1;
        }, "the read model to show every event");

        Assert.Equal("Tavaí", summary!.Name);
        Assert.Equal("Caazapá", summary.Department);
        Assert.Equal(0.4, summary.ClosedLoopRate);                // (1 + 1) / (6 - 1)
        Assert.Equal(2.0, summary.MedianDaysToAccept);            // median of 1, 2, 4
        Assert.Equal(4.5, summary.MedianDaysToCounterReferral);   // median of 3 and 6 (percentile_cont interpolates)

        Assert.Equal(1, other!.Referrals.Sent);
        Assert.Equal(elsewhere, other.Name); // not registered: the code stands in for the name
        Assert.Equal("", other.Department);
        Assert.Equal(0.0, other.ClosedLoopRate); // 0 closed of 1
        Assert.Null(other.MedianDaysToAccept);
    }

    [Fact]
    public async Task Medians_are_rounded_to_two_decimals_from_exact_durations()
    {
        var code = TestCodes.Unique();
        var stories = new[] { new ReferralStory(code, T0), new ReferralStory(code, T0) };

        await host.PublishAndWaitAsync(stories[0].Accepted(afterDays: 1.0 / 3));  // 8 h
        await host.PublishAndWaitAsync(stories[1].Accepted(afterDays: 0.5));      // 12 h

        var summary = (await host.SummaryAsync(code))!;
        Assert.Equal(0.42, summary.MedianDaysToAccept); // (0.333… + 0.5) / 2 = 0.41666…
        Assert.Null(summary.MedianDaysToCounterReferral);
        Assert.Equal(0.0, summary.ClosedLoopRate);
    }

    [Fact]
    public async Task Registrations_name_municipalities_and_order_the_list()
    {
        var capiibary = TestCodes.Unique("capiibary");
        var yrybucua = TestCodes.Unique("yrybucua");
        var itanara = TestCodes.Unique("itanara");
        var unregistered = TestCodes.Unique("zz");
        var now = DateTimeOffset.UtcNow;

        await host.PublishAndWaitAsync(TestCodes.Registration(itanara, "Itanará", "Canindeyú", 14, now));
        await host.PublishAndWaitAsync(TestCodes.Registration(yrybucua, "Yrybucuá", "San Pedro", 2, now));
        await host.PublishAndWaitAsync(TestCodes.Registration(capiibary.ToUpperInvariant(), "Capiibary", "San Pedro", 2, now));
        await host.PublishAndWaitAsync(new ReferralStory(unregistered, T0).Requested());
        // A newer registration renames; an older one arriving late changes nothing.
        await host.PublishAndWaitAsync(TestCodes.Registration(itanara, "Itanará (Canindeyú)", "Canindeyú", 14, now.AddMinutes(1)));
        await host.PublishAndWaitAsync(TestCodes.Registration(itanara, "Itanara viejo", "Canindeyu", 14, now.AddMinutes(-1)));

        var mine = (await host.AllSummariesAsync())
            .Where(s => s.Code == capiibary || s.Code == yrybucua || s.Code == itanara || s.Code == unregistered)
            .ToList();

        Assert.Equal([capiibary, yrybucua, itanara, unregistered], mine.Select(s => s.Code));
        Assert.Equal("Itanará (Canindeyú)", mine[2].Name);
        Assert.Equal(0, mine[0].Referrals.Sent);
        Assert.Null(mine[0].ClosedLoopRate);
        Assert.Null(mine[0].MedianDaysToAccept);
    }

    [Fact]
    public async Task Concurrent_events_of_new_referrals_settle_on_the_newest_version_without_faults()
    {
        var code = TestCodes.Unique();
        var stories = Enumerable.Range(0, 10).Select(_ => new ReferralStory(code, T0)).ToList();
        var messages = stories.SelectMany(s => new object[] { s.CounterReferred(5, version: 4), s.Started(2), s.Accepted(1), s.Requested() })
            .Select(message => (Id: Guid.CreateVersion7(), Message: message))
            .ToList();

        await Task.WhenAll(messages.Select(m => host.PublishAsync(m.Message, m.Id)));
        foreach (var (id, _) in messages)
        {
            await host.WaitUntilConsumedAsync(id, deliveries: 1);
        }

        Assert.All(messages, m => Assert.Equal(0, host.Faults(m.Id)));
        foreach (var story in stories)
        {
            var fact = (await host.FactAsync(story.ReferralId))!;
            Assert.Equal(ReferralStatus.Completed, fact.Status);
            Assert.Equal(4, fact.Version);
            Assert.Equal(T0.AddDays(1), fact.AcceptedAt);
            Assert.Equal(T0.AddDays(5), fact.CounterReferredAt);
        }

        var summary = (await host.SummaryAsync(code))!;
        Assert.Equal(new ReferralCounts(10, 0, 10, 0, 10, 0, 0, 0), summary.Referrals);
        Assert.Equal(1.0, summary.ClosedLoopRate);
    }
}
