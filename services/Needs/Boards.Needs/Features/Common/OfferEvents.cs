using Boards.BuildingBlocks.Outbox;
using Boards.Needs.Contracts.Events;

namespace Boards.Needs.Features.Common;

public static class OfferEvents
{
    /// <summary>The entry as it is after a creation or change (every use case that writes one, the import and the demo data).</summary>
    public static ServiceOfferChanged Changed(OfferedService service) => new()
    {
        MunicipalityCode = service.MunicipalityCode,
        ServiceCode = service.Code,
        Name = service.Name,
        Program = service.Program,
        InstitutionCode = service.InstitutionCode,
        Channel = service.Channel.Code(),
        Categories = service.Categories.ToList(),
        CapacityStatus = service.CapacityStatus.Code(),
        WaitlistBand = service.WaitlistBand?.Code(),
        MonthlyCapacity = service.MonthlyCapacity,
        Version = service.Version,
        OccurredAt = service.UpdatedAt,
    };

    /// <summary>
    /// Saves a change to an entry the caller loaded, with its ServiceOfferChanged in the same SaveChanges; someone who
    /// saved the same entry in between (the version is the concurrency token) makes it a conflict (409).
    /// </summary>
    public static async Task SaveChangeAsync(this NeedsDbContext db, OfferedService service, TimeProvider clock, CancellationToken ct)
    {
        db.AddToOutbox(Changed(service), clock);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException($"El servicio '{service.Code}' cambió mientras tanto: vuelva a leerlo.");
        }
    }
}
