using Boards.BuildingBlocks.Municipalities;
using Boards.BuildingBlocks.ReferenceData;

namespace Boards.Referrals.Features.ReferenceData;

/// <summary>
/// Loads the CSV files shipped in Seed/ (copied from data/reference). Institutions: adds new rows and updates names.
/// Municipalities: only a boot snapshot, so referrals work before Membership (the registry of record) has announced
/// anything. Missing codes are inserted (shared with the other replicas: BuildingBlocks/Municipalities); existing rows
/// are left to MunicipalityRegistered. Both are saved together. Nothing is published.
/// </summary>
public static class ReferenceDataSeeder
{
    public static async Task SeedReferenceDataAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var folder = Path.Combine(AppContext.BaseDirectory, "Seed");

        await db.AddMissingMunicipalitiesAsync<Municipality>(Path.Combine(folder, "municipalities.csv"), cancellationToken);

        var institutions = await db.Institutions.ToDictionaryAsync(i => i.Code, cancellationToken);
        foreach (var row in Csv.Read(Path.Combine(folder, "institutions.csv")))
        {
            if (institutions.TryGetValue(row["code"], out var institution))
            {
                institution.Rename(row["name"]);
            }
            else
            {
                db.Institutions.Add(new Institution(row["code"], row["name"]));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
