using System.Globalization;
using Boards.BuildingBlocks.ReferenceData;

namespace Boards.BuildingBlocks.Municipalities;

/// <summary>What Membership announced about one municipality (MunicipalityRegistered, mapped by each service).</summary>
public sealed record MunicipalityAnnouncement(
    string Code, string Name, string Department, int DepartmentNumber, string Status, DateTimeOffset OccurredAt);

/// <summary>
/// Writes to a service's municipality replica: the announcement upsert and the boot snapshot from
/// Seed/municipalities.csv (copied from data/reference). Membership is the registry of record; nothing here publishes.
/// </summary>
public static class MunicipalityReplica
{
    /// <summary>Where each service's build copies data/reference/municipalities.csv.</summary>
    public static string SeedFile => Path.Combine(AppContext.BaseDirectory, "Seed", "municipalities.csv");

    /// <summary>
    /// Applies an announcement: codes are trimmed and lowercased, texts trimmed. An announcement older than the one a
    /// row already reflects is ignored, so the newest OccurredAt wins in any order; the boot snapshot (RegisteredAt
    /// null) always gives way. Runs in the caller's transaction (the inbox's, for a consumer).
    /// </summary>
    public static async Task UpsertAsync(DbContext db, MunicipalityAnnouncement announcement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(announcement);
        var code = announcement.Code.Trim().ToLowerInvariant();
        if (code.Length == 0)
        {
            throw new ArgumentException("A municipality announcement needs a code.", nameof(announcement));
        }

        var name = announcement.Name.Trim();
        var department = announcement.Department.Trim();
        var status = announcement.Status.Trim();
        var registeredAt = announcement.OccurredAt.ToUniversalTime();

        // One statement, so two announcements of a new code racing each other cannot both insert.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO municipalities ("Code", "Name", "Department", "DepartmentNumber", "Status", "RegisteredAt")
            VALUES ({code}, {name}, {department}, {announcement.DepartmentNumber}, {status}, {registeredAt})
            ON CONFLICT ("Code") DO UPDATE SET
                "Name" = EXCLUDED."Name",
                "Department" = EXCLUDED."Department",
                "DepartmentNumber" = EXCLUDED."DepartmentNumber",
                "Status" = EXCLUDED."Status",
                "RegisteredAt" = EXCLUDED."RegisteredAt"
            WHERE municipalities."RegisteredAt" IS NULL OR municipalities."RegisteredAt" < EXCLUDED."RegisteredAt"
            """, cancellationToken);
    }

    /// <summary>
    /// Adds the codes of the CSV (columns code, district, department, department_number, status) that the replica does
    /// not have yet, as boot-snapshot rows (RegisteredAt null). Existing rows are left to MunicipalityRegistered.
    /// Does not save: the caller saves, with whatever else it seeds.
    /// </summary>
    public static async Task AddMissingMunicipalitiesAsync<TMunicipality>(
        this DbContext db, string csvPath, CancellationToken cancellationToken = default)
        where TMunicipality : ReplicatedMunicipality, new()
    {
        ArgumentNullException.ThrowIfNull(db);
        var municipalities = db.Set<TMunicipality>();
        var known = await municipalities.Select(m => m.Code).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        foreach (var row in Csv.Read(csvPath).Where(row => !known.Contains(row["code"])))
        {
            municipalities.Add(new TMunicipality
            {
                Code = row["code"],
                Name = row["district"],
                Department = row["department"],
                DepartmentNumber = int.Parse(row["department_number"], CultureInfo.InvariantCulture),
                Status = row["status"],
            });
        }
    }

    /// <summary>
    /// The boot snapshot, so a service works before Membership has announced anything: adds the missing codes of
    /// <see cref="SeedFile"/> and saves.
    /// </summary>
    public static async Task SeedMunicipalitiesAsync<TDbContext, TMunicipality>(
        this IServiceProvider services, CancellationToken cancellationToken = default)
        where TDbContext : DbContext
        where TMunicipality : ReplicatedMunicipality, new()
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await db.AddMissingMunicipalitiesAsync<TMunicipality>(SeedFile, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
