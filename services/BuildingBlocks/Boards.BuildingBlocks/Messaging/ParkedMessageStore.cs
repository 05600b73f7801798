using System.Diagnostics;
using System.Text.Json;
using Boards.BuildingBlocks.Outbox;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Boards.BuildingBlocks.Messaging;

/// <summary>Where <see cref="ParkingFilter{TMessage}"/> hands a consumer's failure (the service's own database).</summary>
public interface IParkedMessages
{
    /// <summary>Keeps the message for a later redelivery, or parks it for good; false when it could not be kept.</summary>
    Task<bool> ParkAsync<TMessage>(ConsumeContext<TMessage> context, Exception exception)
        where TMessage : class;

    /// <summary>A redelivered message was handled (or dropped as handled before): its row goes.</summary>
    Task HandledAsync(ConsumeContext context);
}

public static class ParkedMessages
{
    /// <summary>Set on every redelivery (its number): the consumer side then knows a row may wait for its outcome.</summary>
    public const string RedeliveryHeader = "Boards-Redelivery";

    /// <summary>"rabbitmq://host/vhost/planning-events" → "planning-events".</summary>
    public static string QueueOf(Uri inputAddress) => inputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];

    public static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

/// <summary>
/// Writes a failure in one statement, so two failures of the same message (two replicas, a redelivery racing a
/// republished copy) cannot both insert: the first failure schedules the first redelivery; a failed redelivery
/// schedules the next one, or parks the message for good once every interval was used.
/// </summary>
public sealed partial class ParkedMessageStore<TDbContext>(
    IServiceScopeFactory scopes,
    IOptions<MessagingOptions> options,
    MessagingMetrics metrics,
    TimeProvider clock,
    ILogger<ParkedMessageStore<TDbContext>> logger) : IParkedMessages
    where TDbContext : DbContext
{
    public async Task<bool> ParkAsync<TMessage>(ConsumeContext<TMessage> context, Exception exception)
        where TMessage : class
    {
        var messageType = OutboxDbContextExtensions.MessageTypeName(typeof(TMessage));
        var messageId = context.MessageId!.Value;
        try
        {
            var delays = options.Value.Redeliveries.ToArray();
            var now = clock.GetUtcNow();
            var queue = ParkedMessages.QueueOf(context.ReceiveContext.InputAddress);
            var payload = JsonSerializer.Serialize(context.Message, typeof(TMessage), OutboxDbContextExtensions.SerializerOptions);
            var error = ParkedMessages.Truncate($"{exception.GetType().Name}: {exception.Message}", 2000);
            var activity = Activity.Current;
            DateTimeOffset? firstAttempt = delays.Length > 0 ? now + delays[0] : null;
            DateTimeOffset? parkedAt = delays.Length > 0 ? null : now;

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
            var outcome = (await db.Database.SqlQuery<ParkOutcome>($"""
                INSERT INTO parked_messages AS p ("Id", "MessageId", "Queue", "MessageType", "Payload", "TraceParent", "TraceState",
                    "FirstFailedAt", "LastFailedAt", "Failures", "Redeliveries", "NextAttemptAt", "ParkedAt", "LastError")
                VALUES ({Guid.CreateVersion7()}, {messageId}, {queue}, {messageType}, CAST({payload} AS jsonb), {activity?.Id}, {activity?.TraceStateString},
                    {now}, {now}, 1, 0, {firstAttempt}, {parkedAt}, {error})
                ON CONFLICT ("MessageId", "Queue") DO UPDATE SET
                    "LastFailedAt" = EXCLUDED."LastFailedAt",
                    "Failures" = p."Failures" + 1,
                    "LastError" = EXCLUDED."LastError",
                    "NextAttemptAt" = CASE WHEN p."Redeliveries" < {delays.Length} THEN {now} + ({delays})[p."Redeliveries" + 1] END,
                    "ParkedAt" = CASE WHEN p."Redeliveries" < {delays.Length} THEN NULL ELSE {now} END
                RETURNING p."Redeliveries", p."NextAttemptAt"
                """).ToListAsync(context.CancellationToken)).Single();

            if (outcome.NextAttemptAt is { } next)
            {
                metrics.RedeliveryScheduled(messageType);
                LogScheduled(logger, messageId, messageType, queue, next, error);
            }
            else
            {
                metrics.Parked(messageType);
                LogParked(logger, messageId, messageType, queue, outcome.Redeliveries, error);
            }

            return true;
        }
        catch (Exception parkingFailure) when (parkingFailure is not OperationCanceledException)
        {
            LogNotKept(logger, parkingFailure, messageId, messageType);
            return false;
        }
    }

    public async Task HandledAsync(ConsumeContext context)
    {
        try
        {
            var queue = ParkedMessages.QueueOf(context.ReceiveContext.InputAddress);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
            await db.Database.ExecuteSqlAsync(
                $"""DELETE FROM parked_messages WHERE "MessageId" = {context.MessageId} AND "Queue" = {queue}""", context.CancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The row stays: it is sent again when due, the inbox drops it as handled, and this runs again.
            LogHandledNotRecorded(logger, exception, context.MessageId);
        }
    }

    private sealed class ParkOutcome
    {
        public int Redeliveries { get; init; }
        public DateTimeOffset? NextAttemptAt { get; init; }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Message {MessageId} ({MessageType}) failed in {Queue} after its retries; it is sent back at {NextAttemptAt}: {Reason}")]
    private static partial void LogScheduled(ILogger logger, Guid messageId, string messageType, string queue, DateTimeOffset nextAttemptAt, string reason);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Message {MessageId} ({MessageType}) failed in {Queue} after {Redeliveries} redeliveries and is parked until an operator replays it: {Reason}")]
    private static partial void LogParked(ILogger logger, Guid messageId, string messageType, string queue, int redeliveries, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} ({MessageType}) could not be set aside in the database; it goes to the error queue")]
    private static partial void LogNotKept(ILogger logger, Exception exception, Guid messageId, string messageType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redelivered message {MessageId} was handled, but its parked row could not be removed")]
    private static partial void LogHandledNotRecorded(ILogger logger, Exception exception, Guid? messageId);
}
