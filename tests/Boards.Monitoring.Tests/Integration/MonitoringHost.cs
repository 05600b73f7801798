using System.Collections.Concurrent;
using Boards.Monitoring.Data;
using Boards.Monitoring.Features.Common;
using Boards.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Monitoring.Tests.Integration;

/// <summary>
/// The Monitoring service hosted in-process (<see cref="ServiceTestHost{TProgram}"/>) against the REAL PostgreSQL and
/// RabbitMQ, with its own fresh database and its own queue (so parallel test classes and other runs never compete for
/// messages), plus a separate MassTransit bus that publishes events the way the referrals service's outbox relay does.
/// Everything is removed at the end. <see cref="TokenMonitoringHost"/> also hosts our identity provider, so requests
/// carry real tokens; this one issues none (the service's authority is never contacted).
/// </summary>
public class MonitoringHost() : ServiceTestHost<Program>("monitoring", "monitoringdb", "Monitoring:ReceiveEndpoint", "monitoring-referrals"), IAsyncLifetime
{
    private readonly ConsumedMessages _consumed = new();

    protected override bool IssuesTokens => false;

    public string DatabaseConnectionString => TestPostgres.ConnectionString(DatabaseName);

    /// <summary>The bus only publishes: these tests read what the service did from its database and its consumers.</summary>
    protected override void ConfigureBus(IRabbitMqBusFactoryConfigurator rabbit)
    {
    }

    protected override void Started() => Services.GetRequiredService<IBus>().ConnectConsumeObserver(_consumed);

    /// <summary>
    /// Publishes an event as its runtime type with the given message id, as the outbox relay does (with the outbox
    /// row's id).
    /// </summary>
    public async Task<Guid> PublishAsync(object message, Guid? messageId = null)
    {
        var id = messageId ?? Guid.CreateVersion7();
        await Bus.Publish(message, message.GetType(), Pipe.Execute<PublishContext>(context => context.MessageId = id));
        return id;
    }

    /// <summary>Publishes and waits until the service's consumer finished with that delivery (or failed it).</summary>
    public async Task PublishAndWaitAsync(object message, Guid? messageId = null)
    {
        var id = messageId ?? Guid.CreateVersion7();
        var before = _consumed.Completed(id);
        await PublishAsync(message, id);
        await WaitUntilAsync(() => Task.FromResult(_consumed.Completed(id) > before), $"message {id} to be consumed");
    }

    public int CompletedDeliveries(Guid messageId) => _consumed.Completed(messageId);

    public int Faults(Guid messageId) => _consumed.Faulted(messageId);

    public Task WaitUntilConsumedAsync(Guid messageId, int deliveries) =>
        WaitUntilAsync(() => Task.FromResult(_consumed.Completed(messageId) >= deliveries), $"{deliveries} deliveries of {messageId}");

    public Task<MunicipalitySummary?> SummaryAsync(string code) =>
        InScopeAsync(services => services.GetRequiredService<MunicipalitySummaryReader>().ReadOneAsync(code, CancellationToken.None));

    public Task<IReadOnlyList<MunicipalitySummary>> AllSummariesAsync() =>
        InScopeAsync(services => services.GetRequiredService<MunicipalitySummaryReader>().ReadAsync(null, CancellationToken.None));

    public Task<ReferralFact?> FactAsync(Guid referralId) =>
        InScopeAsync(services => services.GetRequiredService<MonitoringDbContext>().ReferralFacts.AsNoTracking()
            .SingleOrDefaultAsync(f => f.ReferralId == referralId));

    /// <summary>Whether the queue exists and how many consumers it has.</summary>
    public Task<(bool Exists, uint Consumers)> InspectQueueAsync(string queue) => TestRabbitMq.InspectQueueAsync(queue);

    /// <summary>Counts what the hosted service's consumers did with each message id (a real MassTransit observer).</summary>
    private sealed class ConsumedMessages : IConsumeObserver
    {
        private readonly ConcurrentDictionary<Guid, int> _completed = new();
        private readonly ConcurrentDictionary<Guid, int> _faulted = new();

        public int Completed(Guid messageId) => _completed.GetValueOrDefault(messageId);
        public int Faulted(Guid messageId) => _faulted.GetValueOrDefault(messageId);

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.MessageId is { } id)
            {
                _completed.AddOrUpdate(id, 1, (_, count) => count + 1);
            }

            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
        {
            if (context.MessageId is { } id)
            {
                _faulted.AddOrUpdate(id, 1, (_, count) => count + 1);
            }

            return Task.CompletedTask;
        }
    }
}

/// <summary>The Monitoring host with our identity provider in-process: requests carry real tokens it issued.</summary>
public sealed class TokenMonitoringHost : MonitoringHost
{
    protected override bool IssuesTokens => true;
}
