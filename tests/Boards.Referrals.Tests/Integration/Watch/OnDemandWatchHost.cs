using System.Collections.Concurrent;
using Boards.Referrals.Consumers;
using Boards.Referrals.Contracts.Events;
using Boards.Referrals.Features.ServiceAvailability;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Boards.Referrals.Tests.Integration.Watch;

/// <summary>
/// The Referrals service whose watch queue goes <see cref="IdleTime"/> after its last stream, with a listener that
/// collects the ReferralRequested events the outbox publishes (proof that an event was out on the broker) and a count
/// of the referral events the service itself consumed, on any of its endpoints.
/// </summary>
public sealed class OnDemandWatchHost() : ServiceTestHost<Program>("referrals", "referralsdb", "Referrals:ReceiveEndpoint", "referrals-municipalities"), IAsyncLifetime
{
    public static readonly TimeSpan IdleTime = TimeSpan.FromSeconds(2);

    public ScriptedAvailability Catalog { get; } = new();

    public ConcurrentQueue<ReferralRequested> Published { get; } = new();

    public ConsumedReferralEvents Consumed { get; } = new();

    public ReferralWatchQueue WatchQueue => Services.GetRequiredService<ReferralWatchQueue>();

    protected override void Listen(IReceiveEndpointConfigurator endpoint) => Collect(endpoint, Published);

    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Referrals:SeedDemoData", "false");
        web.UseSetting("Referrals:WatchQueueIdleTime", IdleTime.ToString());
        web.ConfigureTestServices(services => services.AddSingleton<IServiceAvailability>(Catalog));
    }

    protected override void Started() => Services.GetRequiredService<IBus>().ConnectConsumeObserver(Consumed);
}

/// <summary>The ids of the referral events a bus consumed (every endpoint, those connected later too).</summary>
public sealed class ConsumedReferralEvents : IConsumeObserver
{
    private readonly ConcurrentQueue<Guid> _ids = new();

    public bool Of(string referralId) => _ids.Contains(Guid.Parse(referralId));

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is ReferralEvent change)
        {
            _ids.Enqueue(change.ReferralId);
        }

        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
