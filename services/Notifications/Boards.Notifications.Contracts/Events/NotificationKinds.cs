namespace Boards.Notifications.Contracts.Events;

/// <summary>What a notification is about; each person chooses, per kind, immediately, a daily digest, or off.</summary>
public static class NotificationKinds
{
    /// <summary>A new referral to my institution.</summary>
    public const string ReferralReceived = "referral_received";

    /// <summary>My institution's referral was accepted, rejected (with the reason) or counter-referred.</summary>
    public const string ReferralAnswered = "referral_answered";

    /// <summary>A referral due soon or overdue for acceptance or counter-referral, and its escalation.</summary>
    public const string ReferralDeadline = "referral_deadline";

    /// <summary>An early warning for my municipality.</summary>
    public const string EarlyWarning = "early_warning";

    /// <summary>A plan (PAT) action of my institution is overdue.</summary>
    public const string PlanActionOverdue = "plan_action_overdue";

    /// <summary>A session agreement is due.</summary>
    public const string AgreementDue = "agreement_due";

    /// <summary>A service day takes place tomorrow.</summary>
    public const string ServiceDayTomorrow = "service_day_tomorrow";

    public static readonly IReadOnlyList<string> All =
        [ReferralReceived, ReferralAnswered, ReferralDeadline, EarlyWarning, PlanActionOverdue, AgreementDue, ServiceDayTomorrow];
}
