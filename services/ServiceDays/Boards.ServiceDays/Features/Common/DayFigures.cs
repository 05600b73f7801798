using Boards.ServiceDays.Contracts.Reports;

namespace Boards.ServiceDays.Features.Common;

/// <summary>
/// What a day's attendance and referrals add up to. People served = distinct hashed documents over all services plus
/// every anonymous count (an anonymous person at two services counts twice: nothing tells them apart). Per service,
/// attentions = distinct documents at that service plus its anonymous counts.
/// </summary>
public sealed record DayFigures(
    int PeopleServed,
    int IdentifiedPeople,
    int AnonymousAttentions,
    int Batches,
    IReadOnlyList<ServiceDelivered> ServicesDelivered,
    int ReferralsSent,
    int ReferralsPending,
    int ReferralsFailed,
    int ReferralsExpired)
{
    public static async Task<DayFigures> ComputeAsync(ServiceDaysDbContext db, Guid dayId, CancellationToken ct)
    {
        var records = db.AttendanceRecords.AsNoTracking().Where(r => r.ServiceDayId == dayId);
        var identified = await records.Where(r => r.PersonHash != null).Select(r => r.PersonHash).Distinct().CountAsync(ct);
        var anonymous = await records.SumAsync(r => r.AnonymousCount, ct);
        var batches = await db.AttendanceBatches.CountAsync(b => b.ServiceDayId == dayId, ct);
        var perService = await records
            .GroupBy(r => new { r.InstitutionCode, r.ServiceCode })
            .Select(g => new
            {
                g.Key.InstitutionCode,
                g.Key.ServiceCode,
                People = g.Where(r => r.PersonHash != null).Select(r => r.PersonHash).Distinct().Count(),
                Anonymous = g.Sum(r => r.AnonymousCount),
            })
            .ToListAsync(ct);
        var referrals = await db.ReferralEntries.AsNoTracking().Where(e => e.ServiceDayId == dayId)
            .GroupBy(e => e.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(ReferralEntryStatus status) => referrals.FirstOrDefault(r => r.Status == status)?.Count ?? 0;

        return new DayFigures(
            identified + anonymous,
            identified,
            anonymous,
            batches,
            perService
                .Select(s => new ServiceDelivered { InstitutionCode = s.InstitutionCode, ServiceCode = s.ServiceCode, Attentions = s.People + s.Anonymous })
                .OrderBy(s => s.InstitutionCode, StringComparer.Ordinal).ThenBy(s => s.ServiceCode, StringComparer.Ordinal)
                .ToList(),
            Count(ReferralEntryStatus.Sent),
            Count(ReferralEntryStatus.Pending),
            Count(ReferralEntryStatus.Failed),
            Count(ReferralEntryStatus.Expired));
    }
}
