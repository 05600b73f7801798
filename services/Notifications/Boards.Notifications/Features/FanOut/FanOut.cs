using Boards.Notifications.Features.Common;
using Boards.BuildingBlocks.Outbox;
using Boards.Notifications.Features.Directory;

namespace Boards.Notifications.Features.FanOut;

/// <summary>
/// One pass: each announcement not yet fanned out becomes a notification for every person of its audience, with the
/// e-mail each person's preference asks for, and a NotificationCreated for the portal's bell. While the identity
/// provider does not answer, the announcements wait (with the reason) and the next pass tries again.
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
            return await FanOutOnceAsync(ct);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
    }

    private async Task<int> FanOutOnceAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var pending = await db.Announcements
            .FromSql($"""
                SELECT * FROM announcements WHERE "FannedOutAt" IS NULL
                ORDER BY "CreatedAt" LIMIT {Batch} FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        var written = 0;
        foreach (var announcement in pending)
        {
            IReadOnlyList<Person> people;
            try
            {
                people = await directory.FindAsync(announcement.Audience, ct);
            }
            catch (DirectoryUnavailableException exception)
            {
                LogDirectoryDown(logger, exception.Message);
                announcement.FanOutFailed(exception.Message);
                break;
            }

            written += await WriteAsync(announcement, people, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return written;
    }

    private async Task<int> WriteAsync(Announcement announcement, IReadOnlyList<Person> people, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var subjects = people.Select(p => p.Subject).ToList();
        var told = await db.Notifications.Where(n => n.AnnouncementId == announcement.Id).Select(n => n.RecipientSubject).ToListAsync(ct);
        var preferences = await db.Preferences.Where(p => subjects.Contains(p.Subject)).ToDictionaryAsync(p => p.Subject, ct);
        var written = 0;
        foreach (var person in people.DistinctBy(p => p.Subject).Where(p => !told.Contains(p.Subject)))
        {
            var mode = preferences.TryGetValue(person.Subject, out var chosen) ? chosen.ModeOf(announcement.Kind) : DeliveryMode.Immediate;
            var notification = Notification.For(announcement, person, mode, now);
            db.Notifications.Add(notification);
            db.AddToOutbox(new NotificationCreated
            {
                NotificationId = notification.Id, RecipientSubject = person.Subject, Kind = announcement.Kind, OccurredAt = now,
            }, clock);
            written++;
        }

        announcement.FannedOut(told.Count + written, now);
        return written;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fan-out waits for the identity provider: {Reason}")]
    private static partial void LogDirectoryDown(ILogger logger, string reason);
}
