using Boards.BuildingBlocks.Outbox;

namespace Boards.Notifications.Features.Inbox;

/// <summary>A person's own notifications: list, count, mark read. Everything is filtered by the caller's subject.</summary>
public sealed class InboxHandler(NotificationsDbContext db, TimeProvider clock)
{
    public async Task<NotificationPage> ListAsync(Caller caller, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (status is not (null or "unread" or "all"))
        {
            errors.Add("status", "Debe ser 'unread' (sin leer) o 'all' (todas).");
        }

        if (page is < 1)
        {
            errors.Add("page", "Debe ser 1 o más.");
        }

        if (pageSize is < 1 or > NotificationsLimits.MaxPageSize)
        {
            errors.Add("pageSize", $"Debe estar entre 1 y {NotificationsLimits.MaxPageSize}.");
        }

        errors.ThrowIfAny();
        var number = page ?? 1;
        var size = pageSize ?? 20;
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientSubject == caller.Subject);
        var listed = status == "unread" ? mine.Where(n => n.ReadAt == null) : mine;
        var total = await listed.CountAsync(ct);
        var items = await listed.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        return new NotificationPage([.. items.Select(NotificationView.From)], unread, total, number, size);
    }

    public async Task<UnreadCount> UnreadAsync(Caller caller, CancellationToken ct) =>
        new(await db.Notifications.CountAsync(n => n.RecipientSubject == caller.Subject && n.ReadAt == null, ct));

    /// <summary>Someone else's notification is "not found", exactly like one that does not exist.</summary>
    public async Task MarkReadAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.RecipientSubject == caller.Subject, ct)
                           ?? throw new NotFoundException("No existe esa notificación.") { Title = "Notificación no encontrada." };
        if (!notification.IsRead)
        {
            notification.MarkRead(clock.GetUtcNow());
            Announce(caller);
            await db.SaveChangesAsync(ct);
        }
    }

    public async Task<MarkedRead> MarkAllReadAsync(Caller caller, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var marked = await db.Notifications.Where(n => n.RecipientSubject == caller.Subject && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), ct);
        if (marked > 0)
        {
            Announce(caller);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return new MarkedRead(marked);
    }

    private void Announce(Caller caller) =>
        db.AddToOutbox(new NotificationsRead { RecipientSubject = caller.Subject, OccurredAt = clock.GetUtcNow() }, clock);
}
