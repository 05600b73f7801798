using System.Globalization;
using Boards.BuildingBlocks.ReferenceData;
using Boards.Referrals.Data;
using Microsoft.EntityFrameworkCore;

namespace Boards.Referrals.Features.ReferenceData;

/// <summary>
/// Loads the CSV files shipped in Seed/ (copied from data/reference). Institutions: adds new rows and updates names.
/// Municipalities: only a boot snapshot, so referrals work before Membership (the registry of record) has announced
/// anything. Missing codes are inserted; existing rows are left to MunicipalityRegistered. Nothing is published.
/// </summary>
public static class ReferenceDataSeeder
{
    public static async Task SeedReferenceDataAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var folder = Path.Combine(AppContext.BaseDirectory, "Seed");

        var known = await db.Municipalities.Select(m => m.Code).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        foreach (var row in Csv.Read(Path.Combine(folder, "municipalities.csv")).Where(row => !known.Contains(row["code"])))
        {
            db.Municipalities.Add(new Municipality
            {
                Code = row["code"],
                Name = row["district"],
                Department = row["department"],
                DepartmentNumber = int.Parse(row["department_number"], CultureInfo.InvariantCulture),
                Status = row["status"],
            });
        }

        var institutions = await db.Institutions.ToDictionaryAsync(i => i.Code, cancellationToken);
        foreach (var row in Csv.Read(Path.Combine(folder, "institutions.csv")))
        {
            if (institutions.TryGetValue(row["code"], out var institution))
            {
                institution.Name = row["name"];
            }
            else
            {
                db.Institutions.Add(new Institution { Code = row["code"], Name = row["name"] });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
