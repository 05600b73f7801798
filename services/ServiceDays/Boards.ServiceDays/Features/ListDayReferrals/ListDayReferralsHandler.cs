namespace Boards.ServiceDays.Features.ListDayReferrals;

/// <summary>The day's referral entries and their outcome per person, without person data (GET /api/service-days/{id}/referrals).</summary>
public sealed class ListDayReferralsHandler(ServiceDaysDbContext db)
{
    public async Task<IReadOnlyList<ReferralEntryView>> HandleAsync(Guid dayId, Caller caller, CancellationToken ct)
    {
        var day = await ServiceDayStore.LoadAsync(db, dayId, tracking: false, ct);
        ServiceDayAccess.EnsureCanRead(caller, day.MunicipalityCode);
        var entries = await db.ReferralEntries.AsNoTracking().Where(e => e.ServiceDayId == dayId).OrderBy(e => e.Id).ToListAsync(ct);
        return entries.Select(ReferralEntryView.From).ToList();
    }
}
