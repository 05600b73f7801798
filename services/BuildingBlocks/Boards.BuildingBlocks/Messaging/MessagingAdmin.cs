using Boards.BuildingBlocks.Errors;
using Boards.BuildingBlocks.Outbox;

namespace Boards.BuildingBlocks.Messaging;

/// <summary>A consumer's failure as ministry-admin sees it: what, where, how often and why; never the message's content.</summary>
public sealed record ParkedMessageView(
    Guid Id, Guid MessageId, string MessageType, string Queue, string Status, int Failures, int Redeliveries,
    DateTimeOffset FirstFailedAt, DateTimeOffset LastFailedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? ParkedAt, string? LastError)
{
    public const string Waiting = "waiting";
    public const string Parked = "parked";

    public static ParkedMessageView From(ParkedMessage m) => new(
        m.Id, m.MessageId, MessagingMetrics.ShortName(m.MessageType), m.Queue, m.ParkedAt is null ? Waiting : Parked, m.Failures,
        m.Redeliveries, m.FirstFailedAt, m.LastFailedAt, m.NextAttemptAt, m.ParkedAt, m.LastError);
}

/// <summary>The newest <see cref="MessagingAdmin{TDbContext}.ListLimit"/> rows; the totals count them all.</summary>
public sealed record ParkedMessagesView(int Total, int Parked, IReadOnlyList<ParkedMessageView> Items);

/// <summary>An event of this service's outbox set aside by the relay (never the event's content).</summary>
public sealed record DeadLetteredEventView(
    Guid Id, string MessageType, DateTimeOffset OccurredAt, DateTimeOffset DeadLetteredAt, int Attempts, int Refusals, string? LastError)
{
    public static DeadLetteredEventView From(OutboxMessage m) => new(
        m.Id, MessagingMetrics.ShortName(m.MessageType), m.OccurredAt, m.DeadLetteredAt!.Value, m.Attempts, m.Refusals, m.LastError);
}

public sealed record DeadLetteredEventsView(int Total, IReadOnlyList<DeadLetteredEventView> Items);

/// <summary>How many messages a replay put back on their way.</summary>
public sealed record ReplayView(int Replayed);

/// <summary>
/// Lists what a service's messaging set aside and replays it: a consumer's parked message is sent back to its queue
/// now (and gets one more redelivery; if it fails again it is parked again), a dead-lettered outbox event goes back to
/// the relay with its refusals forgotten. Both are safe to repeat: consumers drop a message id they handled.
/// </summary>
public sealed class MessagingAdmin<TDbContext>(
    TDbContext db, ParkedMessageRedelivery<TDbContext> redelivery, OutboxSignals outbox, TimeProvider clock)
    where TDbContext : DbContext
{
    public const int ListLimit = 100;

    public async Task<ParkedMessagesView> ParkedAsync(CancellationToken ct)
    {
        var rows = db.Set<ParkedMessage>().AsNoTracking();
        var items = await rows.OrderByDescending(m => m.LastFailedAt).Take(ListLimit).ToListAsync(ct);
        return new ParkedMessagesView(await rows.CountAsync(ct), await rows.CountAsync(m => m.ParkedAt != null, ct), [.. items.Select(ParkedMessageView.From)]);
    }

    /// <summary>One parked message (<paramref name="id"/>) or, without it, every one, sent back now.</summary>
    public async Task<ReplayView> ReplayAsync(Guid? id, CancellationToken ct)
    {
        var rows = db.Set<ParkedMessage>();
        var replayed = await MakeDueAsync(id is { } one ? rows.Where(m => m.Id == one) : rows, ct);
        if (id is not null && replayed == 0)
        {
            throw new NotFoundException($"No hay un mensaje apartado con el id '{id}'.");
        }

        if (replayed > 0)
        {
            await redelivery.RedeliverDueAsync(ct);
        }

        return new ReplayView(replayed);
    }

    public async Task<DeadLetteredEventsView> DeadLetteredAsync(CancellationToken ct)
    {
        var rows = db.Set<OutboxMessage>().AsNoTracking().Where(m => m.DeadLetteredAt != null && m.PublishedAt == null);
        var items = await rows.OrderByDescending(m => m.DeadLetteredAt).Take(ListLimit).ToListAsync(ct);
        return new DeadLetteredEventsView(await rows.CountAsync(ct), [.. items.Select(DeadLetteredEventView.From)]);
    }

    public async Task<ReplayView> ReplayDeadLetteredAsync(Guid? id, CancellationToken ct)
    {
        var rows = db.Set<OutboxMessage>().Where(m => m.DeadLetteredAt != null && m.PublishedAt == null);
        var replayed = await (id is { } one ? rows.Where(m => m.Id == one) : rows).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.DeadLetteredAt, (DateTimeOffset?)null)
            .SetProperty(m => m.Refusals, 0), ct);
        if (id is not null && replayed == 0)
        {
            throw new NotFoundException($"No hay un evento apartado con el id '{id}'.");
        }

        outbox.For<TDbContext>().Notify();
        return new ReplayView(replayed);
    }

    private Task<int> MakeDueAsync(IQueryable<ParkedMessage> rows, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return rows.ExecuteUpdateAsync(set => set
            .SetProperty(m => m.NextAttemptAt, now)
            .SetProperty(m => m.ParkedAt, (DateTimeOffset?)null), ct);
    }
}
