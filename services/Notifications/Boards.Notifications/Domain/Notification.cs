namespace Boards.Notifications.Domain;

/// <summary>
/// One announcement for one person: what their notification centre lists, and the e-mail that tells them. Unique per
/// (announcement, recipient), so each person hears of each event once.
/// </summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public Guid Id { get; private set; }
    public Guid AnnouncementId { get; private set; }
    public string RecipientSubject { get; private set; } = "";
    public string RecipientUserName { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string Link { get; private set; } = "";
    public string? MunicipalityCode { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public string EmailStatus { get; private set; } = Domain.EmailStatus.Pending;
    public string? EmailAddress { get; private set; }
    public int EmailAttempts { get; private set; }
    public DateTimeOffset? NextEmailAttemptAt { get; private set; }
    public DateTimeOffset? LastEmailAttemptAt { get; private set; }
    public string? LastEmailError { get; private set; }
    public DateTimeOffset? EmailSentAt { get; private set; }

    /// <summary>The digest that carried it, when it went in one.</summary>
    public Guid? DigestId { get; private set; }

    public bool IsRead => ReadAt is not null;

    public static Notification For(Announcement announcement, Person person, string mode, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        AnnouncementId = announcement.Id,
        RecipientSubject = person.Subject,
        RecipientUserName = Announcement.Clip(person.UserName, NotificationsLimits.UserName),
        Kind = announcement.Kind,
        Title = announcement.Title,
        Body = announcement.Body,
        Link = announcement.Link,
        MunicipalityCode = announcement.MunicipalityCode,
        CreatedAt = now,
        EmailAddress = string.IsNullOrWhiteSpace(person.Email) ? null : person.Email.Trim(),
        EmailStatus = string.IsNullOrWhiteSpace(person.Email) ? Domain.EmailStatus.NoAddress
            : mode == DeliveryMode.Off ? Domain.EmailStatus.Off
            : mode == DeliveryMode.Digest ? Domain.EmailStatus.Digest
            : Domain.EmailStatus.Pending,
        NextEmailAttemptAt = now,
    };

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    public void EmailSent(DateTimeOffset now, Guid? digestId = null)
    {
        EmailStatus = Domain.EmailStatus.Sent;
        EmailSentAt = now;
        LastEmailAttemptAt = now;
        EmailAttempts++;
        DigestId = digestId;
        LastEmailError = null;
    }

    /// <summary>The server did not answer, or answered "try later": try again after <paramref name="retryAfter"/>.</summary>
    public void EmailDeferred(string error, DateTimeOffset now, TimeSpan retryAfter)
    {
        EmailAttempts++;
        LastEmailAttemptAt = now;
        LastEmailError = Announcement.Clip(error, NotificationsLimits.Error);
        NextEmailAttemptAt = now + retryAfter;
    }

    /// <summary>The address was refused (bounced) or the attempts ran out (failed): recorded, never retried.</summary>
    public void EmailGaveUp(string status, string error, DateTimeOffset now)
    {
        EmailStatus = status;
        EmailAttempts++;
        LastEmailAttemptAt = now;
        LastEmailError = Announcement.Clip(error, NotificationsLimits.Error);
        NextEmailAttemptAt = null;
    }
}
