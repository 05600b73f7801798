namespace Boards.Notifications.Features.DeliveryProblems;

public sealed record EmailFailure(
    Guid NotificationId, string UserName, string Kind, string Status, int Attempts, string? LastError, DateTimeOffset? LastAttemptAt);

public sealed record MissingAddress(string UserName, IReadOnlyList<string> Roles, int Notifications, DateTimeOffset LastAt);

/// <summary>Announcements that could not yet be turned into notifications (the identity provider did not answer).</summary>
public sealed record WaitingFanOut(int Count, string? LastError);

public sealed record DeliveryProblemsView(IReadOnlyList<EmailFailure> Failures, IReadOnlyList<MissingAddress> MissingAddresses, WaitingFanOut WaitingFanOut);

/// <summary>
/// What did not reach people by e-mail, for ministry-admin: bounced, failed and still-retrying messages, the people
/// without an address, and announcements waiting for the identity provider.
/// </summary>
public sealed class DeliveryProblemsHandler(NotificationsDbContext db)
{
    private const int Limit = 200;

    public async Task<DeliveryProblemsView> GetAsync(CancellationToken ct)
    {
        var failures = await db.Notifications.AsNoTracking()
            .Where(n => n.EmailStatus == EmailStatus.Bounced || n.EmailStatus == EmailStatus.Failed
                        || (n.EmailStatus == EmailStatus.Pending && n.EmailAttempts > 0))
            .OrderByDescending(n => n.LastEmailAttemptAt).Take(Limit)
            .Select(n => new EmailFailure(n.Id, n.RecipientUserName, n.Kind, n.EmailStatus, n.EmailAttempts, n.LastEmailError, n.LastEmailAttemptAt))
            .ToListAsync(ct);

        var missing = await db.Notifications.AsNoTracking().Where(n => n.EmailStatus == EmailStatus.NoAddress)
            .GroupBy(n => n.RecipientUserName)
            .Select(g => new { UserName = g.Key, Count = g.Count(), LastAt = g.Max(n => n.CreatedAt) })
            .OrderByDescending(m => m.LastAt).Take(Limit).ToListAsync(ct);
        var names = missing.Select(m => m.UserName).ToList();
        var roles = await (
                from n in db.Notifications.AsNoTracking()
                join a in db.Announcements.AsNoTracking() on n.AnnouncementId equals a.Id
                where n.EmailStatus == EmailStatus.NoAddress && names.Contains(n.RecipientUserName)
                select new { n.RecipientUserName, a.AudienceRole })
            .Distinct().ToListAsync(ct);
        var people = missing.Select(m => new MissingAddress(m.UserName,
            [.. roles.Where(r => r.RecipientUserName == m.UserName).Select(r => r.AudienceRole).Order()], m.Count, m.LastAt)).ToList();

        var waiting = await db.Announcements.AsNoTracking().Where(a => a.FannedOutAt == null)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), LastError = g.OrderByDescending(a => a.CreatedAt).Select(a => a.LastError).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        return new DeliveryProblemsView(failures, people, new WaitingFanOut(waiting?.Count ?? 0, waiting?.LastError));
    }
}
