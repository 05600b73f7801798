namespace Boards.Notifications.Domain;

/// <summary>
/// When each step of a deadline's chain falls: "due soon" some time before it, "overdue" at it, then the focal point
/// and the ministry analysts some time after (docs/notifications.md, "Escalation").
/// </summary>
public sealed record EscalationPolicy(TimeSpan DueSoonBefore, TimeSpan FocalPointAfter, TimeSpan AnalystsAfter)
{
    public DateTimeOffset When(string step, DateTimeOffset dueAt) => step switch
    {
        EscalationStep.DueSoon => dueAt - DueSoonBefore,
        EscalationStep.Overdue => dueAt,
        EscalationStep.FocalPoint => dueAt + FocalPointAfter,
        EscalationStep.Analysts => dueAt + AnalystsAfter,
        _ => DateTimeOffset.MaxValue,
    };
}

/// <summary>The steps of a deadline's chain, in order; <see cref="Done"/> when the chain ended or the referral moved on.</summary>
public static class EscalationStep
{
    public const string DueSoon = "due_soon";
    public const string Overdue = "overdue";
    public const string FocalPoint = "focal_point";
    public const string Analysts = "analysts";
    public const string Done = "done";

    public static string After(string step) => step switch
    {
        DueSoon => Overdue,
        Overdue => FocalPoint,
        FocalPoint => Analysts,
        _ => Done,
    };
}
