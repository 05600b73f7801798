using Boards.Referrals.Features.ReadAudit;

namespace Boards.Referrals.Features.ReadFullReferral;

/// <summary>
/// Opens a referral with the person's full data for a reader who states why (the ministry sees initials otherwise).
/// The reason goes into the read audit with the read; without one, nothing is read.
/// </summary>
public sealed class ReadFullReferralHandler(ReferralsDbContext db, ReadAuditTrail audit)
{
    public async Task<Referral> HandleAsync(string? id, ReadFullReferralCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var referralId = ReferralIds.Parse(id);
        var reason = StatedReason.Require(command.Reason, "los datos completos de la persona");
        var referral = await ReadableReferral.LoadAsync(db, referralId, caller, tracking: false, cancellationToken);
        await audit.RecordAsync([referral], "full-read", caller, reason, cancellationToken);
        return referral;
    }
}
