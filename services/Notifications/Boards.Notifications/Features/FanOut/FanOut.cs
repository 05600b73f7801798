using Boards.Notifications.Features.Common;
using Boards.BuildingBlocks.Outbox;
using Boards.Notifications.Features.Directory;

namespace Boards.Notifications.Features.FanOut;

/// <summary>
/// One pass: each announcement not yet fanned out becomes a notification for every person of its audience, with the
/// e-mail each person's preference asks for, and a NotificationCreated for the portal's bell. A batch of announcements
/// is one transaction of five round trips, however many it holds; a full batch is followed by the next at once. While
/// the identity provider does not answer, the announcements wait (with the reason) and the next pass tries again.
/// </summary>
public sealed partial class FanOut(NotificationsDbContext db, IPeopleDirectory directory, TimeProvider clock, ILogger<FanOut> logger)
    : IPeriodicPass
{
    private const int Batch = 50;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        // A failed save abandons the pass: a savepoint around it would only cost two more round trips. The setting is
        // put back: contexts are pooled.
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            var written = 0;
            while (true)
            {
                var batch = await FanOutOnceAsync(ct);
                written += batch.Written;
                // More may wait behind a full batch: they go now, not an interval later.
                if (batch.Announcements < Batch || batch.DirectoryDown)
                {
                    return written;
                }

                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
    }

    private async Task<FannedOutBatch> FanOutOnceAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var pending = await db.Announcements
            .FromSql($"""
                SELECT * FROM announcements WHERE "FannedOutAt" IS NULL
                ORDER BY "CreatedAt" LIMIT {Batch} FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        var audiences = new List<Recipients>(pending.Count);
        var directoryDown = false;
        foreach (var announcement in pending)
        {
            try
            {
                audiences.Add(new(announcement, await directory.FindAsync(announcement.Audience, ct)));
            }
            catch (DirectoryUnavailableException exception)
            {
                LogDirectoryDown(logger, exception.Message);
                announcement.FanOutFailed(exception.Message);
                directoryDown = true;
                break;
            }
        }

        var written = await WriteAsync(audiences, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(pending.Count, written, directoryDown);
    }

    /// <summary>
    /// The whole batch at once: who was told already (nobody, unless an announcement's fan-out was cleared to run it
    /// again) and everyone's preferences, one query each; every row goes in the one save.
    /// </summary>
    private async Task<int> WriteAsync(List<Recipients> audiences, CancellationToken ct)
    {
        if (audiences.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var ids = audiences.Select(a => a.Announcement.Id).ToList();
        var told = (await db.Notifications.Where(n => ids.Contains(n.AnnouncementId))
                .Select(n => new { n.AnnouncementId, n.RecipientSubject }).ToListAsync(ct))
            .ToLookup(n => n.AnnouncementId, n => n.RecipientSubject);
        var subjects = audiences.SelectMany(a => a.People).Select(p => p.Subject).Distinct().ToList();
        var preferences = subjects.Count == 0
            ? []
            : await db.Preferences.AsNoTracking().Where(p => subjects.Contains(p.Subject)).ToDictionaryAsync(p => p.Subject, ct);
        var written = 0;
        foreach (var (announcement, people) in audiences)
        {
            var already = told[announcement.Id].ToHashSet(StringComparer.Ordinal);
            var added = 0;
            foreach (var person in people.DistinctBy(p => p.Subject).Where(p => !already.Contains(p.Subject)))
            {
                var mode = preferences.TryGetValue(person.Subject, out var chosen) ? chosen.ModeOf(announcement.Kind) : DeliveryMode.Immediate;
                var notification = Notification.For(announcement, person, mode, now);
                db.Notifications.Add(notification);
                db.AddToOutbox(new NotificationCreated
                {
                    NotificationId = notification.Id, RecipientSubject = person.Subject, Kind = announcement.Kind, OccurredAt = now,
                }, clock);
                added++;
            }

            announcement.FannedOut(already.Count + added, now);
            written += added;
        }

        return written;
    }

    private sealed record Recipients(Announcement Announcement, IReadOnlyList<Person> People);

    private sealed record FannedOutBatch(int Announcements, int Written, bool DirectoryDown);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fan-out waits for the identity provider: {Reason}")]
    private static partial void LogDirectoryDown(ILogger logger, string reason);
}
