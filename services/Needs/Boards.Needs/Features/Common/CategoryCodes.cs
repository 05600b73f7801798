namespace Boards.Needs.Features.Common;

public static class CategoryCodes
{
    /// <summary>Every need category code, for the validators of needs and catalog entries.</summary>
    public static async Task<IReadOnlySet<string>> CategoryCodesAsync(this NeedsDbContext db, CancellationToken ct) =>
        await db.Categories.Select(c => c.Code).ToHashSetAsync(StringComparer.Ordinal, ct);
}
