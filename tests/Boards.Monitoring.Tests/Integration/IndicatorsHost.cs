using System.Collections.Concurrent;
using Boards.BuildingBlocks.Outbox;
using Boards.Monitoring.Contracts.Events;
using Boards.Monitoring.Data;
using Boards.Monitoring.Features.EarlyWarningSweep;
using Boards.Monitoring.Features.IndicatorsSignal;
using Microsoft.AspNetCore.Hosting;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Monitoring.Tests.Integration;

/// <summary>
/// The Monitoring host with tokens and a listener queue that collects the MunicipalityIndicatorsChanged published on the
/// broker. The broker is shared: every Monitoring host running at the same time consumes the same events and signals
/// the same codes, so "what this service wrote" is read from its outbox, and the listener only proves those went out.
/// The hosted sweep keeps its default interval (it would otherwise raise warnings for other classes' events); the
/// tests run a pass themselves. The changed municipalities are announced only when a test asks
/// (<see cref="AnnounceAsync"/>), so a test knows which changes one announcement covers.
/// </summary>
public sealed class IndicatorsHost : MonitoringHost
{
    public ConcurrentQueue<MunicipalityIndicatorsChanged> Changed { get; } = new();

    protected override bool IssuesTokens => true;

    protected override void ConfigureBus(IRabbitMqBusFactoryConfigurator rabbit)
    {
        DeleteQueuesAtEnd(ListenerQueue, endpoint: false);
        rabbit.ReceiveEndpoint(ListenerQueue, endpoint =>
        {
            endpoint.AutoDelete = true;
            Collect(endpoint, Changed);
        });
    }

    protected override void Configure(IWebHostBuilder web) => web.UseSetting("Monitoring:IndicatorsSignal:Interval", "1.00:00:00");

    /// <summary>One announcement pass, now: one event per municipality changed since the last pass.</summary>
    public Task<int> AnnounceAsync() => Services.GetRequiredService<ChangedMunicipalities>().AnnounceAsync(CancellationToken.None);

    /// <summary>One early-warning pass of this service, now.</summary>
    public Task<(int Raised, int Resolved)> SweepAsync() =>
        Services.GetRequiredService<EarlyWarningSweep>().SweepAsync(CancellationToken.None);

    /// <summary>The EventIds of the MunicipalityIndicatorsChanged for the code that this service wrote to its outbox.</summary>
    public Task<List<Guid>> OutboxedChangesAsync(string code) => InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<MonitoringDbContext>();
        var type = OutboxDbContextExtensions.MessageTypeName(typeof(MunicipalityIndicatorsChanged));
        return await db.Database.SqlQuery<Guid>($"""
            SELECT ("Payload"->>'eventId')::uuid AS "Value" FROM outbox_messages
            WHERE "MessageType" = {type} AND "Payload"->>'municipalityCode' = {code}
            ORDER BY "Id"
            """).ToListAsync();
    });

    /// <summary>Waits until every one of these signals arrived on the broker.</summary>
    public Task WaitUntilPublishedAsync(IReadOnlyCollection<Guid> eventIds) =>
        WaitUntilAsync(
            () => Task.FromResult(eventIds.All(id => Changed.Any(c => c.EventId == id))),
            $"{eventIds.Count} MunicipalityIndicatorsChanged on the broker");
}
