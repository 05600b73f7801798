namespace Boards.Notifications.Features.Reminders;

/// <summary>Settings under Notifications:Reminders: dated things people are reminded of (agreements, plan actions, service days).</summary>
public sealed class ReminderOptions
{
    public const string Section = "Notifications:Reminders";

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An agreement is reminded this many days before its due date (and on any day after, once).</summary>
    public int AgreementDaysBefore { get; set; } = 1;
}
