using Microsoft.Extensions.Options;

namespace Boards.Notifications.Features.Email;

/// <summary>
/// One pass: the e-mails due now go out over one SMTP session. Rows are locked for the pass (another replica skips
/// them), so each is sent once. An unreachable server defers the whole batch; a refused address is recorded as bounced.
/// </summary>
public sealed partial class EmailDispatcher(
    NotificationsDbContext db, SmtpMailer mailer, EmailTemplates templates, IOptions<EmailOptions> options, TimeProvider clock,
    ILogger<EmailDispatcher> logger)
{
    private const int Batch = 20;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Notifications
            .FromSql($"""
                SELECT * FROM notifications WHERE "EmailStatus" = 'pending' AND "NextEmailAttemptAt" <= {now}
                ORDER BY "NextEmailAttemptAt" LIMIT {Batch} FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var sent = await SendAsync(due, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return sent;
    }

    private async Task<int> SendAsync(List<Notification> due, CancellationToken ct)
    {
        var sent = 0;
        var attempted = new HashSet<Guid>();
        SmtpSession? session = null;
        try
        {
            foreach (var notification in due.OrderBy(n => n.CreatedAt))
            {
                var now = clock.GetUtcNow();
                attempted.Add(notification.Id);
                try
                {
                    session ??= await mailer.ConnectAsync(ct);
                    await session.SendAsync(notification.EmailAddress!, templates.Single(notification), ct);
                    notification.EmailSent(now);
                    sent++;
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    Record(notification, exception, now);
                    if (SmtpFailure.IsOutage(exception))
                    {
                        // The rest of the batch would meet the same closed door: they wait as well.
                        foreach (var waiting in due.Where(n => !attempted.Contains(n.Id)))
                        {
                            waiting.EmailDeferred(SmtpFailure.Describe(exception), now, options.Value.Backoff(waiting.EmailAttempts));
                        }

                        LogOutage(logger, exception.Message);
                        break;
                    }
                }
            }
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }

        return sent;
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
