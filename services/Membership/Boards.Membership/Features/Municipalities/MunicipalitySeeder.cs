using Boards.BuildingBlocks.Outbox;
using Boards.Membership.Data;
using Boards.Membership.Domain.Representativity;

namespace Boards.Membership.Features.Municipalities;

/// <summary>
/// Loads the shipped list (Seed/municipalities.csv, copied from data/reference at build). Adds new rows and updates
/// changed ones, never deletes, and announces each new or changed row as MunicipalityRegistered in the same SaveChanges.
/// Districts added by administrators are not in the list and are left alone.
/// </summary>
public static class MunicipalitySeeder
{
    public static async Task SeedMunicipalitiesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var shipped = scope.ServiceProvider.GetRequiredService<ShippedMunicipalities>();

        var existing = await db.Municipalities.ToDictionaryAsync(m => m.Code, cancellationToken);
        foreach (var row in shipped.Rows)
        {
            if (existing.TryGetValue(row.Code, out var current))
            {
                if (!current.UpdateRegistration(row.Name, row.Department, row.DepartmentNumber, row.Status))
                {
                    continue;
                }
            }
            else
            {
                current = new Municipality
                {
                    Code = row.Code, Name = row.Name, Department = row.Department, DepartmentNumber = row.DepartmentNumber, Status = row.Status,
                };
                db.Municipalities.Add(current);
            }

            db.AddToOutbox(MunicipalityRules.Registered(current, clock.GetUtcNow()), clock);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
