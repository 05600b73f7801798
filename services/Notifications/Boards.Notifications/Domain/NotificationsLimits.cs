namespace Boards.Notifications.Domain;

/// <summary>The longest text of each field: the validators, the columns and docs/notifications.md use these numbers.</summary>
public static class NotificationsLimits
{
    public const int Code = 64;
    public const int Kind = 40;
    public const int Key = 200;
    public const int Title = 200;
    public const int Body = 2000;
    public const int Link = 300;
    public const int Subject = 100;
    public const int UserName = 200;
    public const int Email = 320;
    public const int Error = 1000;
    public const int Mode = 20;

    /// <summary>"HH:mm".</summary>
    public const int DigestTime = 5;

    public const int MaxPageSize = 100;
}
