using Boards.Needs.Domain.Categories;

namespace Boards.Needs.Features.ListCategories;

/// <summary>The need categories, by code: anyone with a Boards role reads them.</summary>
public sealed class ListCategoriesHandler(NeedsDbContext db)
{
    public async Task<IReadOnlyList<NeedCategory>> HandleAsync(CancellationToken ct) =>
        await db.Categories.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct);
}
