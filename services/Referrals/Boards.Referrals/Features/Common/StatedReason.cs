namespace Boards.Referrals.Features.Common;

/// <summary>
/// The reason a reader gives to see more of a person (a full read, the person's record): required, trimmed, at least
/// <see cref="ReferralLimits.ReadReasonMin"/> characters; the maximum is checked at the door (REST attribute, proto
/// annotation). The read audit keeps it.
/// </summary>
public static class StatedReason
{
    /// <param name="purpose">What the reason is for, to finish "Indique para qué necesita …".</param>
    public static string Require(string? reason, string purpose)
    {
        var trimmed = reason?.Trim() ?? "";
        return trimmed.Length >= ReferralLimits.ReadReasonMin
            ? trimmed
            : throw ValidationFailedException.For("reason",
                $"Indique para qué necesita {purpose} (al menos {ReferralLimits.ReadReasonMin} caracteres): queda registrado.");
    }
}
