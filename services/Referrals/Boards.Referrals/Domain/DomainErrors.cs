namespace Boards.Referrals.Domain;

/// <summary>A rule of the referral state machine was broken: the transition is not allowed from the current state.</summary>
public sealed class IllegalTransitionException(ReferralStatus current, string attempted)
    : Exception($"No se puede {attempted} una referencia en estado '{StatusNames.Spanish(current)}'.")
{
    public ReferralStatus Current { get; } = current;
    public string Attempted { get; } = attempted;
}

/// <summary>Input that breaks a domain rule; Field is the path of the offending field (camelCase, dotted).</summary>
public sealed class DomainValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// A referral was put on hold as often as it may be: its history stays bounded, so that one referral always fits in a
/// reply (GetReferral, a ListReferrals page, a WatchReferrals change).
/// </summary>
public sealed class HoldLimitReachedException(int maxHolds)
    : Exception($"Esta referencia ya se puso en espera {maxHolds} veces, el máximo: registre la contrarreferencia o cancélela y envíe una nueva si hace falta.");

public static class StatusNames
{
    public static string Code(ReferralStatus status) => status switch
    {
        ReferralStatus.Requested => "requested",
        ReferralStatus.Accepted => "accepted",
        ReferralStatus.Rejected => "rejected",
        ReferralStatus.InProgress => "in_progress",
        ReferralStatus.OnHold => "on_hold",
        ReferralStatus.Completed => "completed",
        ReferralStatus.Failed => "failed",
        ReferralStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Spanish(ReferralStatus status) => status switch
    {
        ReferralStatus.Requested => "solicitada",
        ReferralStatus.Accepted => "aceptada",
        ReferralStatus.Rejected => "rechazada",
        ReferralStatus.InProgress => "en atención",
        ReferralStatus.OnHold => "en espera",
        ReferralStatus.Completed => "completada",
        ReferralStatus.Failed => "fallida",
        ReferralStatus.Cancelled => "cancelada",
        _ => status.ToString(),
    };
}
