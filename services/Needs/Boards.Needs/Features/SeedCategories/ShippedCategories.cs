using Boards.Needs.Domain.Categories;

namespace Boards.Needs.Features.SeedCategories;

/// <summary>The need categories every installation has. Seeded at start: missing codes are inserted, nothing is changed.</summary>
public static class ShippedCategories
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("health", "Salud"),
        ("food_security", "Seguridad alimentaria"),
        ("education", "Educación"),
        ("employment_income", "Empleo e ingresos"),
        ("housing", "Vivienda"),
        ("water_sanitation", "Agua y saneamiento"),
        ("care", "Cuidados: niñez, personas mayores, discapacidad"),
        ("identity_documents", "Documentos de identidad"),
        ("violence_protection", "Protección contra la violencia"),
        ("social_security", "Seguridad social y pensiones"),
    ];

    public static async Task SeedCategoriesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NeedsDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var known = await db.Categories.Select(c => c.Code).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        foreach (var (code, name) in All.Where(c => !known.Contains(c.Code)))
        {
            db.Categories.Add(NeedCategory.FromShippedList(code, name, now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
