namespace Boards.Notifications.Domain;

/// <summary>
/// Something happened that an audience must hear about, written once per event and step (the unique
/// <see cref="Key"/>, e.g. <c>referral:{id}:accept:overdue:officers</c>): a second delivery of the event finds the key
/// and adds nothing. The fan-out turns it into one <see cref="Notification"/> per person of the audience.
/// </summary>
public sealed class Announcement
{
    private Announcement()
    {
    }

    public Guid Id { get; private set; }
    public string Key { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public string AudienceRole { get; private set; } = "";
    public string? AudienceMunicipality { get; private set; }
    public string? AudienceInstitution { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string Link { get; private set; } = "";
    public string? MunicipalityCode { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When its notifications were written; null while the fan-out still has to (or must retry).</summary>
    public DateTimeOffset? FannedOutAt { get; private set; }
    public int Recipients { get; private set; }
    public int FanOutAttempts { get; private set; }
    public string? LastError { get; private set; }

    public Audience Audience => new(AudienceRole, AudienceMunicipality, AudienceInstitution);

    public static Announcement Create(string key, string kind, Audience audience, Message message, string? municipality, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Key = Clip(key, NotificationsLimits.Key),
        Kind = kind,
        AudienceRole = audience.Role,
        AudienceMunicipality = audience.Municipality,
        AudienceInstitution = audience.Institution,
        Title = Clip(message.Title, NotificationsLimits.Title),
        Body = Clip(message.Body, NotificationsLimits.Body),
        Link = Clip(message.Link, NotificationsLimits.Link),
        MunicipalityCode = municipality,
        CreatedAt = now,
    };

    public void FannedOut(int recipients, DateTimeOffset now)
    {
        FannedOutAt = now;
        Recipients = recipients;
        LastError = null;
    }

    public void FanOutFailed(string error)
    {
        FanOutAttempts++;
        LastError = Clip(error, NotificationsLimits.Error);
    }

    internal static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>What a person reads: a title, a sentence or two, and a path in the portal. Spanish, no personal data.</summary>
public sealed record Message(string Title, string Body, string Link);
