using Boards.Referrals.Features.ReadAudit;

namespace Boards.Referrals.Features.GetReferral;

public sealed class GetReferralHandler(ReferralsDbContext db, ReadAuditTrail audit)
{
    public async Task<Referral> HandleAsync(string? id, Caller caller, CancellationToken cancellationToken)
    {
        var referralId = ReferralIds.Parse(id);
        var referral = await ReadableReferral.LoadAsync(db, referralId, caller, tracking: false, cancellationToken);

        await audit.RecordAsync([referral], "get", caller, null, cancellationToken);
        return referral;
    }
}
