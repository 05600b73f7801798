using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Boards.BuildingBlocks.Outbox;

/// <summary>
/// Publishes outbox messages oldest first (UUIDv7 ids), in batches, and marks each published only after the broker
/// confirmed it.
/// While the broker is down messages stay pending and are retried; a crash between publish and commit
/// publishes again, which the consumers' inbox absorbs (at-least-once delivery). A message the broker keeps refusing
/// while it confirms others is set aside (dead-lettered) after <see cref="OutboxOptions.MaxRefusals"/> refusals.
/// </summary>
public sealed partial class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes,
    IOutboxPublisher publisher,
    OutboxSignals signals,
    IOptions<OutboxOptions> options,
    OutboxMetrics metrics,
    TimeProvider clock,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    /// <summary>How often, at most, the relay counts the backlog for <see cref="OutboxMetrics"/>.</summary>
    public static readonly TimeSpan BacklogCountInterval = TimeSpan.FromSeconds(5);

    private readonly OutboxSignal _signal = signals.For<TDbContext>();
    private DateTimeOffset _backlogCountedAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = 0;
            try
            {
                published = await PublishPendingAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogRelayFailed(logger, exception);
            }

            if (published < options.Value.BatchSize)
            {
                try
                {
                    await _signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Publishes one batch; returns how many messages were confirmed by the broker.</summary>
    public async Task<int> PublishPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        // A failed save abandons the whole pass, so a savepoint around it would only cost two more round trips. The
        // setting is put back: contexts are pooled.
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            return await RelayOnceAsync(db, cancellationToken);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
    }

    private async Task<int> RelayOnceAsync(TDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // SKIP LOCKED lets several instances of a service relay side by side without publishing the same row twice.
        var batch = await db.Set<OutboxMessage>()
            .FromSqlInterpolated($"""
                SELECT * FROM outbox_messages WHERE "PublishedAt" IS NULL AND "DeadLetteredAt" IS NULL
                ORDER BY "Id" LIMIT {options.Value.BatchSize} FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);

        var readable = new List<PendingMessage>(batch.Count);
        foreach (var message in batch)
        {
            if (TryRead(message, out var payload, out var type))
            {
                readable.Add(new PendingMessage(message, payload, type));
                continue;
            }

            // A poison message would block every later one forever; set it aside, keep it for inspection.
            message.DeadLetteredAt = clock.GetUtcNow();
            metrics.DeadLettered(message, OutboxMetrics.UnreadableReason);
            LogDeadLettered(logger, message.Id, message.MessageType, message.LastError);
        }

        var published = await PublishBatchAsync(readable, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await CountBacklogAsync(db, batch.Count, cancellationToken);
        return published;
    }

    /// <summary>
    /// The oldest message goes alone: while the broker is down that one attempt tells us so, and the rest wait untried.
    /// Once it is confirmed, the rest are published together and their confirms awaited together, so a batch costs
    /// about one broker round trip instead of one per message. A message that fails stays pending for the next pass;
    /// consumers never rely on arrival order (docs/messaging.md, "Order"), so the ones after it are not held back.
    /// When the oldest fails, a probe the broker confirms shows that the broker is up and the message itself is refused:
    /// the rest go anyway, and every refusal counts towards setting the refused message aside (<see cref="Refused"/>).
    /// </summary>
    private async Task<int> PublishBatchAsync(List<PendingMessage> pending, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return 0;
        }

        var failed = new List<OutboxMessage>();
        bool? brokerAnswers = null;
        var confirmed = 0;
        if (await TryPublishAsync(pending[0], cancellationToken))
        {
            confirmed++;
        }
        else
        {
            failed.Add(pending[0].Message);
            brokerAnswers = await BrokerAnswersAsync(cancellationToken);
            if (brokerAnswers == false)
            {
                return 0;
            }
        }

        var rest = await Task.WhenAll(pending.Skip(1).Select(async message => (message, ok: await TryPublishAsync(message, cancellationToken))));
        confirmed += rest.Count(r => r.ok);
        failed.AddRange(rest.Where(r => !r.ok).Select(r => r.message.Message));

        // Failures after the oldest was confirmed may still be the broker going away mid-pass: ask it once more.
        if (failed.Count > 0 && (brokerAnswers ?? await BrokerAnswersAsync(cancellationToken)))
        {
            failed.ForEach(Refused);
        }

        return confirmed;
    }

    private async Task<bool> BrokerAnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await publisher.ProbeBrokerAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogBrokerSilent(logger, exception.Message);
            return false;
        }
    }

    /// <summary>The broker answered but not for this message: after <see cref="OutboxOptions.MaxRefusals"/> it is set aside.</summary>
    private void Refused(OutboxMessage message)
    {
        message.Refusals++;
        if (message.Refusals >= options.Value.MaxRefusals)
        {
            message.DeadLetteredAt = clock.GetUtcNow();
            metrics.DeadLettered(message, OutboxMetrics.RefusedReason);
            LogSetAside(logger, message.Id, message.MessageType, message.Refusals, message.LastError);
        }
    }

    private async Task<bool> TryPublishAsync(PendingMessage pending, CancellationToken cancellationToken)
    {
        var message = pending.Message;
        try
        {
            await publisher.PublishAsync(message, pending.Payload, pending.Type, cancellationToken);
            message.PublishedAt = clock.GetUtcNow();
            message.LastError = null;
            metrics.Published(message, message.PublishedAt.Value);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            message.Attempts++;
            message.LastError = Truncate(exception.Message, 2000);
            metrics.Failed(message);
            LogPublishFailed(logger, message.Id, message.MessageType, message.Attempts, exception.Message);
            return false;
        }
    }

    /// <summary>An empty pass means nothing waits (unless another relay holds it); otherwise a count, every few seconds.</summary>
    private async Task CountBacklogAsync(TDbContext db, int seen, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (seen == 0)
        {
            metrics.Backlog<TDbContext>(0);
        }
        else if (now - _backlogCountedAt >= BacklogCountInterval)
        {
            _backlogCountedAt = now;
            metrics.Backlog<TDbContext>(await db.Set<OutboxMessage>().LongCountAsync(m => m.PublishedAt == null && m.DeadLetteredAt == null, cancellationToken));
        }
    }

    private static bool TryRead(OutboxMessage message, out object payload, out Type type)
    {
        payload = null!;
        type = Type.GetType(message.MessageType, throwOnError: false)!;
        if (type is null)
        {
            message.LastError = $"Unknown message type {message.MessageType}.";
            return false;
        }

        try
        {
            payload = JsonSerializer.Deserialize(message.Payload, type, OutboxDbContextExtensions.SerializerOptions)!;
        }
        catch (JsonException exception)
        {
            message.LastError = Truncate(exception.Message, 2000);
            return false;
        }

        if (payload is null)
        {
            message.LastError = "Empty payload.";
        }

        return payload is not null;
    }

    private sealed record PendingMessage(OutboxMessage Message, object Payload, Type Type);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} ({MessageType}) can never be published and was dead-lettered: {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, Guid messageId, string messageType, string? reason);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Outbox message {MessageId} ({MessageType}) was refused {Refusals} times while the broker answered and was set aside: {Reason}")]
    private static partial void LogSetAside(ILogger logger, Guid messageId, string messageType, int refusals, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The broker did not confirm the relay's probe; failed publishes are not counted as refusals: {Reason}")]
    private static partial void LogBrokerSilent(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay pass failed; it will try again")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish outbox message {MessageId} ({MessageType}), attempt {Attempts}: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, Guid messageId, string messageType, int attempts, string reason);
}
