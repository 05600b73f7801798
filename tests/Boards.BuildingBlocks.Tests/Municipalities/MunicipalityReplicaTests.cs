using Boards.BuildingBlocks.Municipalities;
using MassTransit;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.BuildingBlocks.Tests.Municipalities;

/// <summary>
/// The municipality replica shared by Referrals, Needs, ServiceDays and Planning: the table they all map, the upsert
/// of MunicipalityRegistered (newest OccurredAt wins, boot snapshot gives way) and the CSV boot snapshot, against
/// real PostgreSQL. The consumers themselves are exercised over RabbitMQ by each service's replica tests.
/// </summary>
public sealed class MunicipalityReplicaTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new("bbmuni");
    private readonly List<string> _files = [];

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }

        await _database.DisposeAsync();
    }

    private ReplicaTestDbContext NewContext() =>
        new(new DbContextOptionsBuilder<ReplicaTestDbContext>().UseNpgsql(_database.ConnectionString).Options);

    private static MunicipalityAnnouncement Announced(string code, string name, DateTimeOffset at, string status = "expansion-2026") =>
        new(code, name, "Central", 11, status, at);

    private async Task UpsertAsync(MunicipalityAnnouncement announcement)
    {
        await using var db = NewContext();
        await MunicipalityReplica.UpsertAsync(db, announcement, CancellationToken.None);
    }

    private async Task<Municipality?> RowAsync(string code)
    {
        await using var db = NewContext();
        return await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Code == code);
    }

    private async Task SeedRowAsync(string code, string name)
    {
        await using var db = NewContext();
        db.Municipalities.Add(new Municipality { Code = code, Name = name, Department = "Itapúa", DepartmentNumber = 7, Status = "pilot-2021" });
        await db.SaveChangesAsync();
    }

    private string CsvFile(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"municipalities-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, ["code,department_number,department,district,status,source_note", .. lines]);
        _files.Add(path);
        return path;
    }

    [Fact]
    public void The_table_is_the_one_every_service_migrated()
    {
        using var db = NewContext();
        var entity = db.Model.FindEntityType(typeof(Municipality))!;
        var table = StoreObjectIdentifier.Table("municipalities");

        Assert.Equal("municipalities", entity.GetTableName());
        Assert.Null(entity.GetSchema());
        Assert.Equal(["Code"], entity.FindPrimaryKey()!.Properties.Select(p => p.Name));
        Assert.Equal("PK_municipalities", entity.FindPrimaryKey()!.GetName());
        Assert.Empty(entity.GetIndexes());
        var columns = entity.GetProperties().ToDictionary(p => p.GetColumnName(table)!, p => (p.GetColumnType(), p.IsNullable));
        Assert.Equal(new Dictionary<string, (string, bool)>
        {
            ["Code"] = ("character varying(64)", false),
            ["Name"] = ("character varying(200)", false),
            ["Department"] = ("character varying(100)", false),
            ["DepartmentNumber"] = ("integer", false),
            ["Status"] = ("character varying(40)", false),
            ["RegisteredAt"] = ("timestamp with time zone", true),
        }, columns);
    }

    [Fact]
    public async Task An_announcement_of_a_new_code_inserts_it_normalized()
    {
        var at = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(-3));

        await UpsertAsync(new MunicipalityAnnouncement("  ÑEMBY-Norte ", " Ñemby ", " Central ", 11, " expansion-2026 ", at));

        var row = await RowAsync("Ñemby-norte".ToLowerInvariant());
        Assert.NotNull(row);
        Assert.Equal(("Ñemby", "Central", 11, "expansion-2026"), (row.Name, row.Department, row.DepartmentNumber, row.Status));
        Assert.Equal(at, row.RegisteredAt);
        Assert.Equal(TimeSpan.Zero, row.RegisteredAt!.Value.Offset);
    }

    [Fact]
    public async Task The_boot_snapshot_gives_way_and_the_newest_announcement_wins_in_any_order()
    {
        await SeedRowAsync("villa-oliva", "Villa Oliva");
        var now = DateTimeOffset.UtcNow;

        await UpsertAsync(Announced("villa-oliva", "Villa Oliva (corregido)", now));
        await UpsertAsync(Announced("villa-oliva", "Villa Oliva (viejo)", now.AddMinutes(-5), "pilot-2021"));
        await UpsertAsync(Announced("villa-oliva", "Villa Oliva (igual)", now));

        var row = await RowAsync("villa-oliva");
        Assert.Equal(("Villa Oliva (corregido)", "Central", 11, "expansion-2026"), (row!.Name, row.Department, row.DepartmentNumber, row.Status));
        Assert.Equal(now, row.RegisteredAt!.Value, TimeSpan.FromMilliseconds(1));

        await UpsertAsync(Announced("villa-oliva", "Villa Oliva (nuevo)", now.AddMinutes(1)));
        Assert.Equal("Villa Oliva (nuevo)", (await RowAsync("villa-oliva"))!.Name);
    }

    [Fact]
    public async Task Announcements_of_one_new_code_racing_each_other_leave_one_row()
    {
        var now = DateTimeOffset.UtcNow;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => UpsertAsync(Announced("luque", $"Luque {i}", now.AddSeconds(i)))));

        await using var db = NewContext();
        var rows = await db.Municipalities.AsNoTracking().Where(m => m.Code == "luque").ToListAsync();
        Assert.Equal("Luque 7", Assert.Single(rows).Name);
    }

    [Fact]
    public async Task An_announcement_without_a_code_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => UpsertAsync(Announced("   ", "Sin código", DateTimeOffset.UtcNow)));

        await using var db = NewContext();
        Assert.Equal(0, await db.Municipalities.CountAsync());
    }

    [Fact]
    public async Task The_consumer_base_refuses_an_event_without_a_code_naming_the_event()
    {
        await using var db = NewContext();
        var consumer = new PlaceAnnouncedConsumer(db);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => consumer.HandleAsync(new PlaceAnnounced(" ")));

        Assert.Equal("PlaceAnnounced arrived without a code.", error.Message);
    }

    [Fact]
    public async Task The_csv_adds_the_missing_codes_as_a_snapshot_and_leaves_the_others_alone()
    {
        await SeedRowAsync("alto-vera", "Alto Verá (anunciado)");
        var csv = CsvFile(
            "alto-vera,7,Itapúa,Alto Verá,pilot-2021,note",
            "juan-emilio-oleary,10,Alto Paraná,\"Juan Emilio O'Leary, distrito\",pilot-2021,\"quoted, note\"");

        await using (var db = NewContext())
        {
            await db.AddMissingMunicipalitiesAsync<Municipality>(csv);
            Assert.Equal(1, db.ChangeTracker.Entries().Count(e => e.State == EntityState.Added)); // not saved: the caller saves
            await db.SaveChangesAsync();
        }

        Assert.Equal("Alto Verá (anunciado)", (await RowAsync("alto-vera"))!.Name);
        var added = await RowAsync("juan-emilio-oleary");
        Assert.NotNull(added);
        Assert.Equal(("Juan Emilio O'Leary, distrito", "Alto Paraná", 10, "pilot-2021"), (added.Name, added.Department, added.DepartmentNumber, added.Status));
        Assert.Null(added.RegisteredAt);
    }

    [Fact]
    public async Task The_shipped_list_seeds_a_service_at_boot_and_seeding_again_is_harmless()
    {
        await using var services = new ServiceCollection()
            .AddDbContext<ReplicaTestDbContext>(options => options.UseNpgsql(_database.ConnectionString))
            .BuildServiceProvider();
        var shipped = File.ReadAllLines(MunicipalityReplica.SeedFile).Skip(1).Count(line => !string.IsNullOrWhiteSpace(line));

        await services.SeedMunicipalitiesAsync<ReplicaTestDbContext, Municipality>();
        await UpsertAsync(Announced("pilar", "Pilar (anunciado)", DateTimeOffset.UtcNow));
        await services.SeedMunicipalitiesAsync<ReplicaTestDbContext, Municipality>();

        await using var db = NewContext();
        var rows = await db.Municipalities.AsNoTracking().ToListAsync();
        Assert.Equal(shipped, rows.Count);
        Assert.True(shipped >= 17);
        Assert.Contains(rows, m => m is { Code: "alto-vera", Name: "Alto Verá", Department: "Itapúa", DepartmentNumber: 7, RegisteredAt: null });
        Assert.Equal("Pilar (anunciado)", rows.Single(m => m.Code == "pilar").Name);
    }

    private sealed record PlaceAnnounced(string Code);

    private sealed class PlaceAnnouncedConsumer(ReplicaTestDbContext db)
        : MunicipalityReplicaConsumer<PlaceAnnounced, ReplicaTestDbContext>(db, TimeProvider.System)
    {
        protected override string InboxName => "PlaceAnnouncedConsumer";

        protected override MunicipalityAnnouncement Map(PlaceAnnounced message) =>
            new(message.Code, "Nombre", "Central", 11, "test", DateTimeOffset.UtcNow);

        // The code is checked before the context is touched.
        public Task HandleAsync(PlaceAnnounced message) => HandleAsync(message, null!);
    }
}
