using System.Text.Json;
using Boards.ServiceDays.Features.ReferralsClient;

namespace Boards.ServiceDays.Features.RecordReferrals;

/// <summary>
/// Needs found on the day become referrals (POST /api/service-days/{id}/referrals). Each entry is first stored as
/// pending (with the person data needed to send it), then sent, one call per person; each answer is saved at once. A
/// resent entry (same id, same content) is sent again only if it was not delivered; the same id with different content
/// corrects an entry the referrals service refused (<see cref="ReferralEntry.Correct"/>) and is refused otherwise.
/// Nothing is lost on the way.
/// </summary>
public sealed class RecordReferralsHandler(ServiceDaysDbContext db, ReferralSender sender, PersonHash hasher, TimeProvider clock)
{
    public async Task<ReferralBatchResult> HandleAsync(Guid dayId, RecordReferralsCommand command, Caller caller, CancellationToken ct)
    {
        var day = await ServiceDayStore.LoadAsync(db, dayId, tracking: false, ct);
        var institution = ServiceDayAccess.EnsureCanRecord(caller, day.MunicipalityCode, day.Institutions);
        var now = clock.GetUtcNow();
        var valid = ReferralEntryValidator.Validate(command, day.Institutions, institution, DateOnly.FromDateTime(now.UtcDateTime));

        var ids = valid.Select(v => v.EntryId).ToList();
        var existing = await db.ReferralEntries.Where(e => e.ServiceDayId == dayId && ids.Contains(e.EntryId))
            .ToDictionaryAsync(e => e.EntryId, StringComparer.Ordinal, ct);
        var hashes = valid.Select(input => hasher.OfContent(JsonSerializer.Serialize(input))).ToList();
        var payloads = valid.Select(input => JsonSerializer.Serialize(input.Data)).ToList();
        // Every resent entry is checked before the day's status is: a reused id is refused as such. Other content under
        // the id of an entry the referrals service refused is the tablet's correction: it replaces the content, and the
        // entry is sent again below (same request id; Referrals kept nothing of the refused request).
        for (var i = 0; i < valid.Count; i++)
        {
            if (existing.TryGetValue(valid[i].EntryId, out var known) && !known.HasContent(hashes[i]))
            {
                known.Correct(valid[i].Need(), hashes[i], payloads[i], institution);
            }
        }

        var entries = valid.Select((input, i) => existing.TryGetValue(input.EntryId, out var known)
                ? known
                : day.ReceiveReferral(input.EntryId, input.Need(), hashes[i], payloads[i], caller.DisplayName, now))
            .ToList();

        // Stored before anything is sent: if the process dies mid-way, every entry is still here, pending.
        db.ReferralEntries.AddRange(entries.Where(e => !existing.ContainsKey(e.EntryId)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || PostgresErrors.IsUniqueViolation(exception))
        {
            // A new entry stored by another request, or a corrected one changed by it (ContentHash is the concurrency token).
            throw new ConcurrencyConflictException("Otra tableta envió estas referencias al mismo tiempo: vuelva a enviarlas para ver su resultado.");
        }

        // An expired entry is shown as it is: its person data is gone, the tablet registers the person anew.
        foreach (var entry in entries.Where(e => e.AwaitsDelivery))
        {
            await sender.DeliverAsync(day, entry, ct);
        }

        return new ReferralBatchResult(
            entries.Count(e => e.Status == ReferralEntryStatus.Sent),
            entries.Count(e => e.Status != ReferralEntryStatus.Sent),
            entries.Select(ReferralEntryView.From).ToList());
    }
}
