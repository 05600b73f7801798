namespace Boards.Needs.Features.ListServices;

/// <summary>A municipality's offer catalog, by code; with a category, only the services covering it.</summary>
public sealed class ListServicesHandler(NeedsDbContext db)
{
    public async Task<IReadOnlyList<OfferedService>> HandleAsync(string? municipalityCode, string? category, Caller caller, CancellationToken ct)
    {
        var municipality = OfferRoute.MunicipalityCode(municipalityCode);
        MunicipalityAccess.EnsureCanRead(caller, municipality);
        var filter = string.IsNullOrWhiteSpace(category) ? null : category.Trim();
        if (filter is not null && !await db.Categories.AnyAsync(c => c.Code == filter, ct))
        {
            throw ValidationFailedException.For("category", $"La categoría '{filter}' no existe (GET /api/needs/categories).");
        }

        if (!await db.Municipalities.AnyAsync(m => m.Code == municipality, ct))
        {
            throw new NotFoundException($"El municipio '{municipality}' no está registrado.");
        }

        var query = db.Services.AsNoTracking().Where(s => s.MunicipalityCode == municipality);
        if (filter is not null)
        {
            query = query.Where(s => s.Categories.Contains(filter));
        }

        return await query.OrderBy(s => s.Code).ToListAsync(ct);
    }
}
