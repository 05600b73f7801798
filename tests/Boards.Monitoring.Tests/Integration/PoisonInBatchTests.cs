using Boards.BuildingBlocks.Messaging;
using Boards.Monitoring.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Monitoring.Tests.Integration;

/// <summary>
/// An event that breaks Monitoring's contract (a referral without its origin municipality) among good ones: the good
/// ones are counted, the bad one alone is retried in place, set aside in parked_messages, sent back once, then parked for
/// good, never in the error queue; an operator's replay sends it through the consumer again, and, still broken, it is
/// parked again (docs/messaging.md, "Batches").
/// </summary>
public sealed class PoisonInBatchTests(FastRetryMonitoringHost host) : IClassFixture<FastRetryMonitoringHost>
{
    private static readonly DateTimeOffset T0 = new(2025, 8, 5, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_event_that_breaks_its_batch_is_parked_alone_and_the_rest_are_counted()
    {
        var code = TestCodes.Unique();
        var good = Enumerable.Range(0, 20)
            .Select(i => (Id: Guid.CreateVersion7(), Message: (object)new ReferralStory(code, T0.AddHours(i)).Requested()))
            .ToList();
        var poisonId = Guid.CreateVersion7();
        var poison = new ReferralStory(code, T0).Requested() with { MunicipalityCode = "" };

        await Task.WhenAll(good.Take(10).Append((poisonId, poison)).Concat(good.Skip(10)).Select(d => host.PublishAsync(d.Message, d.Id)));
        foreach (var (id, _) in good)
        {
            await host.WaitUntilConsumedAsync(id, deliveries: 1);
        }

        Assert.All(good, d => Assert.Equal(0, host.Faults(d.Id)));
        Assert.Equal(20, (await host.SummaryAsync(code))!.Referrals.Sent);

        await MonitoringHost.WaitUntilAsync(async () => (await ParkedAsync(poisonId))?.ParkedAt is not null, "the poison event parked for good");
        var parked = (await ParkedAsync(poisonId))!;
        Assert.Equal((2, 1, host.ReceiveEndpoint), (parked.Failures, parked.Redeliveries, parked.Queue));
        Assert.Contains("has no origin municipality", parked.LastError);
        Assert.Equal(0, await InboxRowsAsync(poisonId));
        Assert.False((await host.InspectQueueAsync(host.ReceiveEndpoint + "_error")).Exists, "Nothing went to the error queue.");

        var replayed = await host.InScopeAsync(services =>
            services.GetRequiredService<MessagingAdmin<MonitoringDbContext>>().ReplayAsync(parked.Id, CancellationToken.None));
        Assert.Equal(1, replayed.Replayed);

        await MonitoringHost.WaitUntilAsync(
            async () => await ParkedAsync(poisonId) is { Failures: 3, ParkedAt: not null }, "the replayed event, still broken, parked again");
        Assert.Equal(20, (await host.SummaryAsync(code))!.Referrals.Sent);
    }

    private Task<ParkedMessage?> ParkedAsync(Guid messageId) => host.InScopeAsync(services =>
        services.GetRequiredService<MonitoringDbContext>().Set<ParkedMessage>().AsNoTracking().SingleOrDefaultAsync(m => m.MessageId == messageId));

    private Task<int> InboxRowsAsync(Guid messageId) => host.InScopeAsync(services =>
        services.GetRequiredService<MonitoringDbContext>().Database
            .SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM inbox_messages WHERE "MessageId" = {messageId}""")
            .SingleAsync());
}

/// <summary>The Monitoring host with retries in place 50 ms apart and one redelivery a second after a failure.</summary>
public sealed class FastRetryMonitoringHost : MonitoringHost
{
    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Messaging:RetryIntervals", "00:00:00.05,00:00:00.05");
        web.UseSetting("Messaging:RedeliveryIntervals", "00:00:01");
        web.UseSetting("Messaging:RedeliveryPollInterval", "00:00:00.200");
    }
}
