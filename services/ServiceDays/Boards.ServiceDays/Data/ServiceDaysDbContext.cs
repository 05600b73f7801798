using Boards.BuildingBlocks.Data;

namespace Boards.ServiceDays.Data;

public sealed class ServiceDaysDbContext(DbContextOptions<ServiceDaysDbContext> options) : DbContext(options)
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<CatalogService> CatalogServices => Set<CatalogService>();
    public DbSet<ServiceDay> Days => Set<ServiceDay>();
    public DbSet<DayService> DayServices => Set<DayService>();
    public DbSet<AttendanceBatch> AttendanceBatches => Set<AttendanceBatch>();
    public DbSet<AttendanceRecord> AttendanceRecords => Set<AttendanceRecord>();
    public DbSet<ReferralEntry> ReferralEntries => Set<ReferralEntry>();
    public DbSet<RetentionRun> RetentionRuns => Set<RetentionRun>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ServiceDaysDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
