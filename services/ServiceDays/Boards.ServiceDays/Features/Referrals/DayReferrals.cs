using System.Text.Json;
using Boards.BuildingBlocks.Errors;
using Boards.ServiceDays.Data;
using Boards.ServiceDays.Domain;
using Boards.ServiceDays.Features.Common;
using Boards.ServiceDays.Features.Days;
using Boards.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Boards.ServiceDays.Features.Referrals;

/// <summary>
/// Needs found on the day become referrals. Each entry is first stored as pending (with the person data needed to send
/// it), then sent, one call per person; each answer is saved at once. A resent entry (same id, same content) is sent
/// again only if it was not delivered; the same id with different content is refused. Nothing is lost on the way.
/// </summary>
public sealed class DayReferrals(ServiceDaysDbContext db, ReferralSender sender, PersonHash hasher, TimeProvider clock)
{
    public async Task<ReferralBatchResult> RecordAsync(Guid dayId, RecordReferralsCommand command, Caller caller, CancellationToken ct)
    {
        var day = await ServiceDayPlanner.LoadAsync(db, dayId, tracking: false, ct);
        var institution = ServiceDayAccess.EnsureCanRecord(caller, day.MunicipalityCode, day.Institutions);
        var valid = ReferralEntryValidator.Validate(command, day.Institutions, institution, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

        var ids = valid.Select(v => v.EntryId).ToList();
        var existing = await db.ReferralEntries.Where(e => e.ServiceDayId == dayId && ids.Contains(e.EntryId))
            .ToDictionaryAsync(e => e.EntryId, StringComparer.Ordinal, ct);
        var entries = new List<ReferralEntry>();
        foreach (var input in valid)
        {
            var hash = hasher.OfContent(JsonSerializer.Serialize(input));
            if (existing.TryGetValue(input.EntryId, out var known))
            {
                if (known.ContentHash != hash)
                {
                    throw new AlreadyExistsException(
                        $"La referencia '{input.EntryId}' ya se registró con otro contenido: use un identificador nuevo para otra persona o necesidad.") { Title = "Identificador reutilizado." };
                }

                entries.Add(known);
                continue;
            }

            entries.Add(new ReferralEntry
            {
                ServiceDayId = dayId,
                EntryId = input.EntryId,
                RequestId = $"sd:{dayId:N}:{input.EntryId}",
                ContentHash = hash,
                Status = ReferralEntryStatus.Pending,
                OriginInstitution = input.OriginInstitution,
                DestinationInstitution = input.DestinationInstitution,
                DestinationMunicipalityCode = input.DestinationMunicipalityCode,
                ServiceCode = input.ServiceCode,
                NeedCategory = input.NeedCategory,
                Priority = input.Priority,
                PendingPayload = JsonSerializer.Serialize(input.Data),
                ReceivedAt = clock.GetUtcNow(),
                ReceivedBy = caller.DisplayName,
            });
        }

        var fresh = entries.Where(e => !existing.ContainsKey(e.EntryId)).ToList();
        if (fresh.Count > 0 && !ServiceDayLifecycle.TakesAttendance(day.Status))
        {
            throw new PreconditionFailedException(PreconditionFailedException.State, day.Status.Code(),
                $"Las referencias de la jornada se registran mientras está confirmada o realizada; esta está {day.Status.Spanish()}.");
        }

        // Stored before anything is sent: if the process dies mid-way, every entry is still here, pending.
        db.ReferralEntries.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (PostgresErrors.IsUniqueViolation(exception))
        {
            throw new ConcurrencyConflictException("Otra tableta envió estas referencias al mismo tiempo: vuelva a enviarlas para ver su resultado.");
        }

        // An expired entry is shown as it is: its person data is gone, the tablet registers the person anew.
        foreach (var entry in entries.Where(e => e.Status is not (ReferralEntryStatus.Sent or ReferralEntryStatus.Expired)))
        {
            await SendAndSaveAsync(day, entry, ct);
        }

        return new ReferralBatchResult(
            entries.Count(e => e.Status == ReferralEntryStatus.Sent),
            entries.Count(e => e.Status != ReferralEntryStatus.Sent),
            entries.Select(ReferralEntryView.From).ToList());
    }

    public async Task<ReferralEntryView> RetryAsync(Guid dayId, string entryId, Caller caller, CancellationToken ct)
    {
        var day = await ServiceDayPlanner.LoadAsync(db, dayId, tracking: false, ct);
        ServiceDayAccess.EnsureCanRecord(caller, day.MunicipalityCode, day.Institutions);
        var entry = await db.ReferralEntries.FirstOrDefaultAsync(e => e.ServiceDayId == dayId && e.EntryId == entryId, ct)
                    ?? throw new NotFoundException($"La jornada no tiene una referencia '{entryId}'.");
        if (entry.Status == ReferralEntryStatus.Expired)
        {
            throw new PreconditionFailedException("RETENTION", "expired",
                $"La referencia '{entryId}' ya no se puede reintentar. {entry.Error}") { Title = "Datos personales eliminados." };
        }

        if (entry.Status != ReferralEntryStatus.Sent)
        {
            await SendAndSaveAsync(day, entry, ct);
        }

        return ReferralEntryView.From(entry);
    }

    public async Task<IReadOnlyList<ReferralEntryView>> ListAsync(Guid dayId, Caller caller, CancellationToken ct)
    {
        var day = await ServiceDayPlanner.LoadAsync(db, dayId, tracking: false, ct);
        ServiceDayAccess.EnsureCanRead(caller, day.MunicipalityCode);
        var entries = await db.ReferralEntries.AsNoTracking().Where(e => e.ServiceDayId == dayId).OrderBy(e => e.Id).ToListAsync(ct);
        return entries.Select(ReferralEntryView.From).ToList();
    }

    private async Task SendAndSaveAsync(ServiceDay day, ReferralEntry entry, CancellationToken ct)
    {
        await sender.SendAsync(day, entry, ct);
        // Saved even when the caller has gone: the referral may already exist in Referrals, and the row must say so.
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
