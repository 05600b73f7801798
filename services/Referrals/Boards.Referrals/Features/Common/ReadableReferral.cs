namespace Boards.Referrals.Features.Common;

/// <summary>
/// Loads one referral the caller may read. Another tenant's referral answers exactly as one that does not exist: a
/// caller never learns that an id is in use elsewhere.
/// </summary>
public static class ReadableReferral
{
    public static async Task<Referral> LoadAsync(ReferralsDbContext db, Guid id, Caller caller, bool tracking, CancellationToken ct)
    {
        var referrals = tracking ? db.Referrals : db.Referrals.AsNoTracking();
        var referral = await referrals.FirstOrDefaultAsync(r => r.Id == id, ct);
        return referral is not null && ReferralAccess.CanRead(caller, referral)
            ? referral
            : throw new NotFoundException($"No existe la referencia '{id}', o no está a su alcance.");
    }
}
