namespace Boards.ServiceDays.Features.Common;

/// <summary>The replicated offer catalog of a municipality, by service code.</summary>
public sealed class ServiceDayCatalog(ServiceDaysDbContext db)
{
    public async Task<IReadOnlyDictionary<string, CatalogService>> ForMunicipalityAsync(string municipalityCode, CancellationToken ct) =>
        await db.CatalogServices.AsNoTracking().Where(s => s.MunicipalityCode == municipalityCode)
            .ToDictionaryAsync(s => s.ServiceCode, StringComparer.Ordinal, ct);
}
