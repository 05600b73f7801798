using System.Globalization;
using Boards.BuildingBlocks.ReferenceData;
using Boards.Membership.Data;
using Microsoft.EntityFrameworkCore;

namespace Boards.Membership.Features.Municipalities;

/// <summary>
/// Loads municipalities from Seed/municipalities.csv (copied from data/reference at build). Adds new rows and updates
/// changed names; never deletes. Publishes nothing yet: Referrals still announces MunicipalityRegistered.
/// </summary>
public static class MunicipalitySeeder
{
    public static async Task SeedMunicipalitiesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var path = Path.Combine(AppContext.BaseDirectory, "Seed", "municipalities.csv");

        var existing = await db.Municipalities.ToDictionaryAsync(m => m.Code, cancellationToken);
        foreach (var row in Csv.Read(path))
        {
            var code = row["code"];
            var name = row["district"];
            var department = row["department"];
            var number = int.Parse(row["department_number"], CultureInfo.InvariantCulture);
            var status = row["status"];
            if (existing.TryGetValue(code, out var current))
            {
                current.Name = name;
                current.Department = department;
                current.DepartmentNumber = number;
                current.Status = status;
            }
            else
            {
                db.Municipalities.Add(new Municipality { Code = code, Name = name, Department = department, DepartmentNumber = number, Status = status });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
