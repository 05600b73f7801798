using System.Globalization;
using Boards.BuildingBlocks.ReferenceData;
using Boards.Planning.Data;
using Microsoft.EntityFrameworkCore;

namespace Boards.Planning.Features.ReferenceData;

/// <summary>
/// The boot snapshot of the municipality replica from Seed/municipalities.csv, so plans work before Membership
/// (the registry of record) has announced anything. Missing codes are inserted; existing rows are left to
/// MunicipalityRegistered. Nothing is published.
/// </summary>
public static class MunicipalitySeeder
{
    public static async Task SeedMunicipalitiesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanningDbContext>();
        var known = await db.Municipalities.Select(m => m.Code).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        foreach (var row in Csv.Read(Path.Combine(AppContext.BaseDirectory, "Seed", "municipalities.csv")).Where(row => !known.Contains(row["code"])))
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

        await db.SaveChangesAsync(cancellationToken);
    }
}
