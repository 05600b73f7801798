using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Boards.BuildingBlocks.Outbox;

/// <summary>
/// Publishes outbox messages in the order they were written (UUIDv7 ids: to the millisecond; events that need finer
/// ordering carry a version) and marks them published only after the broker confirmed them.
/// While the broker is down messages stay pending and are retried; a crash between publish and commit
/// publishes again, which the consumers' inbox absorbs (at-least-once delivery).
/// </summary>
public sealed partial class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private static readonly ActivitySource Source = new("Boards.Outbox");

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
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
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
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // SKIP LOCKED lets several instances of a service relay side by side without publishing the same row twice.
        var batch = await db.Set<OutboxMessage>()
            .FromSqlInterpolated($"""
                SELECT * FROM outbox_messages WHERE "PublishedAt" IS NULL AND "DeadLetteredAt" IS NULL
                ORDER BY "Id" LIMIT {options.Value.BatchSize} FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);

        var published = 0;
        foreach (var message in batch)
        {
            if (!TryRead(message, out var payload, out var type))
            {
                // A poison message would block every later one forever; set it aside, keep it for inspection.
                message.DeadLetteredAt = clock.GetUtcNow();
                LogDeadLettered(logger, message.Id, message.MessageType, message.LastError);
                continue;
            }

            try
            {
                await PublishAsync(message, payload, type, cancellationToken);
                message.PublishedAt = clock.GetUtcNow();
                message.LastError = null;
                published++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                message.Attempts++;
                message.LastError = Truncate(exception.Message, 2000);
                LogPublishFailed(logger, message.Id, message.MessageType, message.Attempts, exception.Message);
                break; // keep order: the rest waits for the broker too
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return published;
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

    private async Task PublishAsync(OutboxMessage message, object payload, Type type, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(message.TraceParent, message.TraceState, out var parent);
        using var activity = Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        await bus.Publish(payload, type, Pipe.Execute<PublishContext>(context => context.MessageId = message.Id), timeout.Token);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} ({MessageType}) can never be published and was dead-lettered: {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, Guid messageId, string messageType, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay pass failed; it will try again")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish outbox message {MessageId} ({MessageType}), attempt {Attempts}: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, Guid messageId, string messageType, int attempts, string reason);
}
