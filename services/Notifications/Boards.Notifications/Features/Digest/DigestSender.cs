using Boards.Notifications.Features.Email;
using Microsoft.Extensions.Options;

namespace Boards.Notifications.Features.Digest;

/// <summary>
/// One pass over the people with items waiting for their digest: once their digest time has come (Paraguay time), one
/// e-mail lists every item created before it. Items created after it wait for the next day's. An outage defers all.
/// </summary>
public sealed class DigestSender(
    NotificationsDbContext db, EmailTemplates templates, IOptions<DigestOptions> options, TimeProvider clock)
{
    private const int People = 100;

    public async Task<int> RunAsync(SmtpLease smtp, CancellationToken ct)
    {
        var subjects = await db.Notifications.Where(n => n.EmailStatus == EmailStatus.Digest)
            .Select(n => n.RecipientSubject).Distinct().OrderBy(s => s).Take(People).ToListAsync(ct);
        var sent = 0;
        foreach (var subject in subjects)
        {
            var chosen = await db.Preferences.Where(p => p.Subject == subject).Select(p => p.DigestTime).FirstOrDefaultAsync(ct);
            var dueAt = ParaguayTime.LatestOccurrence(chosen ?? options.Value.Default, clock.GetUtcNow());
            if (!await SendAsync(smtp, subject, dueAt, ct))
            {
                break;
            }

            sent++;
        }

        return sent;
    }

    /// <summary>False when the mail server is unreachable: the pass stops and everything waits for the next.</summary>
    private async Task<bool> SendAsync(SmtpLease smtp, string subject, DateTimeOffset dueAt, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var items = await db.Notifications
            .FromSql($"""
                SELECT * FROM notifications WHERE "RecipientSubject" = {subject} AND "EmailStatus" = 'digest' AND "CreatedAt" < {dueAt}
                ORDER BY "CreatedAt" FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        // Items that reached the table after today's digest went out wait for tomorrow's (one digest a day).
        if (items.Count == 0 || await db.DigestRuns.AnyAsync(r => r.Subject == subject && r.DueAt == dueAt, ct))
        {
            return true;
        }

        var now = clock.GetUtcNow();
        var run = DigestRun.Sent(subject, dueAt, items.Count, now);
        try
        {
            var session = await smtp.SessionAsync(ct);
            // Once the digest is on its way, a stop waits for the server's answer and records it.
            await session.SendAsync(items[^1].EmailAddress!, templates.Digest(items, dueAt), MessageIds.ForDigest(subject, dueAt), CancellationToken.None);
            items.ForEach(item => item.EmailSent(now, run.Id));
            db.DigestRuns.Add(run);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (SmtpFailure.IsOutage(exception))
            {
                return false;
            }

            var status = SmtpFailure.IsRefusedAddress(exception) ? EmailStatus.Bounced : EmailStatus.Failed;
            items.ForEach(item => item.EmailGaveUp(status, SmtpFailure.Describe(exception), now));
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return true;
    }
}
