using System.Globalization;
using Boards.BuildingBlocks.Outbox;
using Boards.BuildingBlocks.ReferenceData;
using Boards.Referrals.Contracts.Events;
using Boards.Referrals.Data;
using Microsoft.EntityFrameworkCore;

namespace Boards.Referrals.Features.ReferenceData;

/// <summary>
/// Loads municipalities and institutions from the CSV files shipped in Seed/ (copied from data/reference).
/// Adds new rows and updates changed names; never deletes. New or changed municipalities are announced as events.
/// </summary>
public static class ReferenceDataSeeder
{
    public static async Task SeedReferenceDataAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var folder = Path.Combine(AppContext.BaseDirectory, "Seed");

        var existing = await db.Municipalities.ToDictionaryAsync(m => m.Code, cancellationToken);
        foreach (var row in Csv.Read(Path.Combine(folder, "municipalities.csv")))
        {
            var code = row["code"];
            var name = row["district"];
            var department = row["department"];
            var number = int.Parse(row["department_number"], CultureInfo.InvariantCulture);
            if (existing.TryGetValue(code, out var current))
            {
                if (current.Name == name && current.Department == department && current.DepartmentNumber == number)
                {
                    continue;
                }

                current.Name = name;
                current.Department = department;
                current.DepartmentNumber = number;
            }
            else
            {
                db.Municipalities.Add(new Municipality { Code = code, Name = name, Department = department, DepartmentNumber = number, Status = row["status"] });
            }

            db.AddToOutbox(new MunicipalityRegistered { Code = code, Name = name, Department = department, DepartmentNumber = number, OccurredAt = clock.GetUtcNow() }, clock);
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
