namespace Boards.Monitoring.Domain;

/// <summary>The "last 90 days" of the summary (service days, board sessions): the 90 days that end today, today included.</summary>
public static class RecentWindow
{
    public const int Days = 90;

    /// <summary>The first day of the window, for today as <see cref="ParaguayCalendar.Today"/> gives it.</summary>
    public static DateOnly Since(DateOnly today) => today.AddDays(1 - Days);
}
