using System.Diagnostics;
using System.Text.Json;
using Boards.BuildingBlocks.Background;
using Boards.BuildingBlocks.Outbox;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Boards.BuildingBlocks.Messaging;

/// <summary>
/// Sends parked messages that are due back to their consumer's queue, with their own message id (the inbox keeps a
/// replay from being handled twice) and the <see cref="ParkedMessages.RedeliveryHeader"/>. Every instance of a service
/// runs it; SKIP LOCKED gives each row to one of them. The row then waits for the next interval: a failure reschedules
/// or parks it (<see cref="ParkedMessageStore{TDbContext}"/>), a success removes it, and if neither is heard (the
/// message waits in a queue nobody reads) it is simply sent again.
/// </summary>
public sealed partial class ParkedMessageRedelivery<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    IOptions<MessagingOptions> options,
    MessagingMetrics metrics,
    TimeProvider clock,
    ILogger<ParkedMessageRedelivery<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private static readonly ActivitySource Source = new("Boards.Messaging");

    /// <summary>When nothing is heard of a replay sent with no redelivery interval configured.</summary>
    private static readonly TimeSpan UnansweredReplay = TimeSpan.FromMinutes(15);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync("Parked message redelivery", options.Value.RedeliveryPollInterval, clock, logger, RedeliverDueAsync, stoppingToken);

    /// <summary>One pass: sends what is due (one batch), then counts what is parked for good. Returns how many were sent.</summary>
    public async Task<int> RedeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var sent = 0;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var now = clock.GetUtcNow();
            var due = await db.Set<ParkedMessage>()
                .FromSqlInterpolated($"""
                    SELECT * FROM parked_messages WHERE "NextAttemptAt" <= {now}
                    ORDER BY "NextAttemptAt" LIMIT {options.Value.RedeliveryBatchSize} FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(cancellationToken);
            foreach (var message in due)
            {
                if (!await TrySendAsync(message, cancellationToken))
                {
                    break; // the broker does not answer: the rest stay due for the next pass
                }

                sent++;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        metrics.ParkedNow(await db.Set<ParkedMessage>().LongCountAsync(m => m.ParkedAt != null, cancellationToken));
        return sent;
    }

    private async Task<bool> TrySendAsync(ParkedMessage message, CancellationToken cancellationToken)
    {
        var type = Type.GetType(message.MessageType, throwOnError: false);
        object? payload = null;
        try
        {
            payload = type is null ? null : JsonSerializer.Deserialize(message.Payload, type, OutboxDbContextExtensions.SerializerOptions);
        }
        catch (JsonException)
        {
            // Unreadable: parked below.
        }

        if (type is null || payload is null)
        {
            // The contract is gone or changed: sending it again cannot help, an operator decides.
            message.NextAttemptAt = null;
            message.ParkedAt = clock.GetUtcNow();
            message.LastError = $"Unreadable as {message.MessageType}.";
            metrics.Parked(message.MessageType);
            return true;
        }

        try
        {
            ActivityContext.TryParse(message.TraceParent, message.TraceState, out var parent);
            using var activity = Source.StartActivity($"redeliver {type.Name}", ActivityKind.Producer, parent);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.SendTimeout);
            // To the exchange MassTransit binds to the queue, not to queue:<name>: a send to a queue declares it, with
            // classic arguments, which the broker refuses for a quorum queue (PRECONDITION_FAILED). Should the queue be
            // gone, the broker drops the message and the row sends it again at the next interval.
            var endpoint = await bus.GetSendEndpoint(new Uri($"exchange:{message.Queue}"));
            var redelivery = message.Redeliveries + 1;
            await endpoint.Send(payload, type, Pipe.Execute<SendContext>(context =>
            {
                context.MessageId = message.MessageId;
                context.Headers.Set(ParkedMessages.RedeliveryHeader, redelivery);
            }), timeout.Token);

            message.Redeliveries = redelivery;
            var delays = options.Value.Redeliveries;
            message.NextAttemptAt = clock.GetUtcNow() + (delays.Count > 0 ? delays[Math.Min(redelivery, delays.Count - 1)] : UnansweredReplay);
            metrics.Redelivered(message.MessageType);
            LogRedelivered(logger, message.MessageId, message.MessageType, message.Queue, redelivery);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotSent(logger, message.MessageId, message.Queue, exception.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} ({MessageType}) sent back to {Queue}, redelivery {Redelivery}")]
    private static partial void LogRedelivered(ILogger logger, Guid messageId, string messageType, string queue, int redelivery);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} could not be sent back to {Queue}; it stays due: {Reason}")]
    private static partial void LogNotSent(ILogger logger, Guid messageId, string queue, string reason);
}
