using Boards.Needs.Domain.Gaps;
using Boards.Referrals.Contracts.Events;

namespace Boards.Needs.Features.RecordReferralEvidence;

/// <summary>
/// Stores a referral the offer could not take. Its categories: the one the referral named when it is a known category
/// code; otherwise the categories the destination catalog gives the service; otherwise "unclassified", so that nothing
/// is dropped.
/// </summary>
public sealed class ReferralEvidenceRecorder(NeedsDbContext db, TimeProvider clock)
{
    public async Task RecordAsync(ReferralEvent message, string kind, CancellationToken ct)
    {
        if (await db.ReferralEvidence.AnyAsync(e => e.ReferralId == message.ReferralId && e.Kind == kind, ct))
        {
            return;
        }

        var municipality = message.MunicipalityCode.Trim().ToLowerInvariant();
        var destination = string.IsNullOrWhiteSpace(message.DestinationMunicipalityCode) ? municipality : message.DestinationMunicipalityCode.Trim().ToLowerInvariant();
        var service = message.ServiceCode.Trim().ToLowerInvariant();
        var named = message.NeedCategory.Trim().ToLowerInvariant();

        List<string> categories;
        if (await db.Categories.AnyAsync(c => c.Code == named, ct))
        {
            categories = [named];
        }
        else
        {
            categories = await db.Services.Where(s => s.MunicipalityCode == destination && s.Code == service)
                .Select(s => s.Categories).FirstOrDefaultAsync(ct) ?? [];
            if (categories.Count == 0)
            {
                categories = [ReferralEvidence.Unclassified];
            }
        }

        db.ReferralEvidence.Add(new ReferralEvidence
        {
            ReferralId = message.ReferralId,
            Kind = kind,
            MunicipalityCode = municipality,
            DestinationMunicipalityCode = destination,
            ServiceCode = service,
            NeedCategory = named,
            Categories = categories,
            OccurredAt = message.OccurredAt,
            RecordedAt = clock.GetUtcNow(),
        });
    }
}
