namespace Boards.Monitoring.Domain;

/// <summary>A referral's status as the referrals service publishes it (HL7 FHIR Task codes, see DOMAIN.md).</summary>
public enum ReferralStatus
{
    Requested,
    Accepted,
    Rejected,
    InProgress,
    OnHold,
    Completed,
    Failed,
    Cancelled,
}

public static class ReferralStatuses
{
    public const string RequestedCode = "requested";
    public const string AcceptedCode = "accepted";
    public const string RejectedCode = "rejected";
    public const string InProgressCode = "in_progress";
    public const string OnHoldCode = "on_hold";
    public const string CompletedCode = "completed";
    public const string FailedCode = "failed";
    public const string CancelledCode = "cancelled";

    /// <summary>The statuses that count as open: the loop is not closed yet.</summary>
    public static readonly IReadOnlyList<ReferralStatus> Open =
        [ReferralStatus.Requested, ReferralStatus.Accepted, ReferralStatus.InProgress, ReferralStatus.OnHold];

    public static bool IsOpen(this ReferralStatus status) => Open.Contains(status);

    /// <summary>rejected, completed, failed and cancelled are final: nothing follows them, and they are never overdue.</summary>
    public static bool IsFinal(this ReferralStatus status) => !status.IsOpen();

    public static string Code(this ReferralStatus status) => status switch
    {
        ReferralStatus.Requested => RequestedCode,
        ReferralStatus.Accepted => AcceptedCode,
        ReferralStatus.Rejected => RejectedCode,
        ReferralStatus.InProgress => InProgressCode,
        ReferralStatus.OnHold => OnHoldCode,
        ReferralStatus.Completed => CompletedCode,
        ReferralStatus.Failed => FailedCode,
        ReferralStatus.Cancelled => CancelledCode,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Reads a status code from an event; an unknown code is a contract violation, not something to guess.</summary>
    public static ReferralStatus Parse(string code) => code switch
    {
        RequestedCode => ReferralStatus.Requested,
        AcceptedCode => ReferralStatus.Accepted,
        RejectedCode => ReferralStatus.Rejected,
        InProgressCode => ReferralStatus.InProgress,
        OnHoldCode => ReferralStatus.OnHold,
        CompletedCode => ReferralStatus.Completed,
        FailedCode => ReferralStatus.Failed,
        CancelledCode => ReferralStatus.Cancelled,
        _ => throw new FormatException($"Unknown referral status '{code}'."),
    };
}
