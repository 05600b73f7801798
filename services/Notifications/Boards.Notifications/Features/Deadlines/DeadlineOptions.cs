namespace Boards.Notifications.Features.Deadlines;

/// <summary>Settings under Notifications:Deadlines: the escalation chain (docs/notifications.md).</summary>
public sealed class DeadlineOptions
{
    public const string Section = "Notifications:Deadlines";

    public TimeSpan DueSoonBefore { get; set; } = TimeSpan.FromDays(1);
    public TimeSpan FocalPointAfter { get; set; } = TimeSpan.FromDays(2);
    public TimeSpan AnalystsAfter { get; set; } = TimeSpan.FromDays(5);
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    public EscalationPolicy Policy => new(DueSoonBefore, FocalPointAfter, AnalystsAfter);
}
