namespace Boards.Notifications.Features.Announce;

/// <summary>
/// Writes an announcement into the caller's unit of work (a consumer's inbox transaction, a sweep's pass) unless its key
/// is already known: the same event delivered twice, or a sweep meeting an event, adds nothing. The fan-out does the rest.
/// </summary>
public sealed class Announcer(NotificationsDbContext db, TimeProvider clock)
{
    private readonly HashSet<string> _added = new(StringComparer.Ordinal);

    public async Task AnnounceAsync(string key, string kind, Audience audience, Message message, string? municipality, CancellationToken cancellationToken)
    {
        if (!_added.Add(key) || await db.Announcements.AnyAsync(a => a.Key == key, cancellationToken))
        {
            return;
        }

        db.Announcements.Add(Announcement.Create(key, kind, audience, message, municipality, clock.GetUtcNow()));
    }
}
