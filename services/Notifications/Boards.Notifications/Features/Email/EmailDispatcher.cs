using Microsoft.Extensions.Options;

namespace Boards.Notifications.Features.Email;

/// <summary>
/// One batch: the e-mails due now go out over the kept SMTP connection, each in its own transaction. A row is locked while
/// it is sent (another replica skips it) and marked sent in the same transaction as soon as the server has accepted it, so
/// a stop never sends again what went out before. A send that has begun is finished even while the service stops; the
/// next one is not begun. An unreachable server defers every e-mail due; a refused address is recorded as bounced.
/// </summary>
public sealed partial class EmailDispatcher(
    NotificationsDbContext db, SmtpMailer mailer, EmailTemplates templates, IOptions<EmailOptions> options, TimeProvider clock,
    ILogger<EmailDispatcher> logger)
{
    private const int Batch = 20;

    /// <summary>One batch over a connection of its own; answers how many e-mails were sent.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await using var smtp = mailer.Lease();
        return (await SendDueAsync(smtp, ct)).Sent;
    }

    /// <summary>
    /// One batch: the ids of the e-mails due are read in one query; then each is locked, sent and marked (three round
    /// trips). <see cref="EmailBatch.Full"/> says that more may be due.
    /// </summary>
    public async Task<EmailBatch> SendDueAsync(SmtpLease smtp, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Notifications
            .Where(n => n.EmailStatus == EmailStatus.Pending && n.NextEmailAttemptAt <= now)
            .OrderBy(n => n.NextEmailAttemptAt).ThenBy(n => n.CreatedAt)
            .Select(n => n.Id).Take(Batch).ToArrayAsync(ct);
        if (due.Length == 0)
        {
            return new(0, false);
        }

        var sent = 0;
        // Each e-mail's save ends its own transaction; a savepoint around it would only cost two more round trips. The
        // setting is put back in the end: contexts are pooled.
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            for (var i = 0; i < due.Length; i++)
            {
                ct.ThrowIfCancellationRequested();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var notification = await LockNextAsync(due, ct);
                if (notification is null)
                {
                    // Another replica has the rest of these.
                    return new(sent, false);
                }

                now = clock.GetUtcNow();
                try
                {
                    var session = await smtp.SessionAsync(ct);
                    // Once the message is on its way, a stop waits for the server's answer and records it.
                    await session.SendAsync(notification.EmailAddress!, templates.Single(notification), MessageIds.For(notification.Id), CancellationToken.None);
                    notification.EmailSent(now);
                    sent++;
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    Record(notification, exception, now);
                    if (SmtpFailure.IsOutage(exception))
                    {
                        await SaveAsync(transaction);
                        LogOutage(logger, exception.Message);
                        await DeferAllDueAsync(SmtpFailure.Describe(exception), ct);
                        return new(sent, false);
                    }
                }

                await SaveAsync(transaction);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }

        return new(sent, due.Length == Batch);
    }

    /// <summary>The first of <paramref name="due"/> still due and not taken by another replica, locked.</summary>
    private Task<Notification?> LockNextAsync(Guid[] due, CancellationToken ct) =>
        db.Notifications
            .FromSql($"""
                SELECT * FROM notifications
                WHERE "Id" = ANY({due}) AND "EmailStatus" = 'pending' AND "NextEmailAttemptAt" <= {clock.GetUtcNow()}
                ORDER BY "NextEmailAttemptAt", "CreatedAt" LIMIT 1 FOR UPDATE SKIP LOCKED
                """)
            .FirstOrDefaultAsync(ct);

    /// <summary>The rest of the e-mails due would meet the same closed door: they wait as well.</summary>
    private async Task DeferAllDueAsync(string reason, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var waiting = await db.Notifications
            .FromSql($"""
                SELECT * FROM notifications WHERE "EmailStatus" = 'pending' AND "NextEmailAttemptAt" <= {now}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        waiting.ForEach(notification => notification.EmailDeferred(reason, now, options.Value.Backoff(notification.EmailAttempts)));
        await SaveAsync(transaction);
    }

    private async Task SaveAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    private void Record(Notification notification, Exception exception, DateTimeOffset now)
    {
        var error = SmtpFailure.Describe(exception);
        if (SmtpFailure.IsRefusedAddress(exception))
        {
            notification.EmailGaveUp(EmailStatus.Bounced, error, now);
        }
        else if (SmtpFailure.IsPermanent(exception) || (!SmtpFailure.IsOutage(exception) && notification.EmailAttempts + 1 >= options.Value.MaxAttempts))
        {
            notification.EmailGaveUp(EmailStatus.Failed, error, now);
        }
        else
        {
            notification.EmailDeferred(error, now, options.Value.Backoff(notification.EmailAttempts));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail waits for the mail server: {Reason}")]
    private static partial void LogOutage(ILogger logger, string reason);
}

/// <summary>What one batch did: e-mails sent, and whether it was full (more may be due).</summary>
public sealed record EmailBatch(int Sent, bool Full);
