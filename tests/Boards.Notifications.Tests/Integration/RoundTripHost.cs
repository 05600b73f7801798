using Boards.BuildingBlocks.Outbox;
using Boards.Notifications.Data;
using Boards.Notifications.Features.Common;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Boards.Notifications.Tests.Integration;

/// <summary>
/// A host whose background passes sleep and whose outbox relay is stopped: the tests run each pass themselves and count
/// its round trips to the database (<see cref="RoundTrips"/>); consumers run as always.
/// </summary>
public sealed class RoundTripHost : NotificationsHost
{
    private static readonly string Never = TimeSpan.FromHours(1).ToString("c", System.Globalization.CultureInfo.InvariantCulture);
    public RoundTripHost() => RoundTrips = new RoundTrips(DatabaseName);

    /// <summary>Listening from the start: EF Core checks for listeners now and then, not before every command.</summary>
    public RoundTrips RoundTrips { get; }

    protected override TimeSpan EmailPollInterval => TimeSpan.FromHours(1);

    protected override void Configure(IWebHostBuilder web)
    {
        base.Configure(web);
        web.UseSetting("Notifications:FanOut:Interval", Never);
        web.UseSetting("Notifications:Deadlines:SweepInterval", Never);
        web.UseSetting("Notifications:Reminders:SweepInterval", Never);
        // The relay runs only when a test runs it.
        web.ConfigureTestServices(services =>
        {
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxRelay<NotificationsDbContext>)));
            services.AddSingleton<OutboxRelay<NotificationsDbContext>>();
        });
    }

    protected override async Task StoppedAsync()
    {
        RoundTrips.Dispose();
        await base.StoppedAsync();
    }

    /// <summary>Publishes the event with a known message id and answers the round trips of its consumer's unit of work.</summary>
    public async Task<int> ConsumeAsync<T>(T message) where T : class
    {
        var messageId = NewId.NextGuid();
        var tally = RoundTrips.Consumer(messageId);
        await Bus.Publish(message, context => context.MessageId = messageId);
        await tally.Ended.WaitAsync(Patience);
        return tally.Count;
    }

    /// <summary>
    /// Publishes the events at once, each with a known message id, and answers the round trips of every unit of work (a
    /// batch, or a message alone) that claimed any of them, once all have ended.
    /// </summary>
    public async Task<RoundTrips.Tally> BurstAsync(IReadOnlyList<object> messages)
    {
        var ids = messages.Select(_ => NewId.NextGuid()).ToList();
        var tally = RoundTrips.Burst(ids);
        await Task.WhenAll(messages.Select((message, i) =>
            Bus.Publish(message, message.GetType(), Pipe.Execute<PublishContext>(context => context.MessageId = ids[i]))));
        await tally.Ended.WaitAsync(Patience);
        return tally;
    }

    /// <summary>One pass of <typeparamref name="TPass"/>, run here as its background service would.</summary>
    public Task<int> PassAsync<TPass>() where TPass : IPeriodicPass =>
        RoundTrips.CountAsync(async () =>
        {
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TPass>().RunAsync(CancellationToken.None);
        });

    /// <summary>One pass of the outbox relay.</summary>
    public Task<int> RelayAsync() =>
        RoundTrips.CountAsync(() => Services.GetRequiredService<OutboxRelay<NotificationsDbContext>>().PublishPendingAsync(CancellationToken.None));
}
