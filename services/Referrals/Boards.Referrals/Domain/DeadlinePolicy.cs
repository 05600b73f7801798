namespace Boards.Referrals.Domain;

/// <summary>Time to accept and time to counter-refer, per priority, set by the ministry.</summary>
public sealed class DeadlinePolicy
{
    public Deadlines Urgent { get; set; } = new() { Accept = TimeSpan.FromDays(1), CounterReferral = TimeSpan.FromDays(7) };
    public Deadlines High { get; set; } = new() { Accept = TimeSpan.FromDays(3), CounterReferral = TimeSpan.FromDays(15) };
    public Deadlines Normal { get; set; } = new() { Accept = TimeSpan.FromDays(5), CounterReferral = TimeSpan.FromDays(30) };

    /// <summary>Share of a deadline's window left under which a referral counts as due soon (DOMAIN: 20%).</summary>
    public double DueSoonFraction { get; set; } = 0.2;

    public Deadlines For(Priority priority) => priority switch
    {
        Priority.Urgent => Urgent,
        Priority.High => High,
        _ => Normal,
    };
}

public sealed class Deadlines
{
    public TimeSpan Accept { get; set; }
    public TimeSpan CounterReferral { get; set; }
}
