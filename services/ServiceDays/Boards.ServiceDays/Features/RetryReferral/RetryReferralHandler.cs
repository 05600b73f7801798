using Boards.ServiceDays.Features.ReferralsClient;

namespace Boards.ServiceDays.Features.RetryReferral;

/// <summary>
/// Sends one undelivered referral entry again, in any status of the day (POST /api/service-days/{id}/referrals/{entryId}/retry).
/// A sent entry answers as it is; an expired one is refused.
/// </summary>
public sealed class RetryReferralHandler(ServiceDaysDbContext db, ReferralSender sender)
{
    public async Task<ReferralEntryView> HandleAsync(Guid dayId, string entryId, Caller caller, CancellationToken ct)
    {
        var day = await ServiceDayStore.LoadAsync(db, dayId, tracking: false, ct);
        ServiceDayAccess.EnsureCanRecord(caller, day.MunicipalityCode, day.Institutions);
        var entry = await db.ReferralEntries.FirstOrDefaultAsync(e => e.ServiceDayId == dayId && e.EntryId == entryId, ct)
                    ?? throw new NotFoundException($"La jornada no tiene una referencia '{entryId}'.");
        entry.EnsureCanRetry();
        if (entry.AwaitsDelivery)
        {
            await sender.DeliverAsync(day, entry, ct);
        }

        return ReferralEntryView.From(entry);
    }
}
