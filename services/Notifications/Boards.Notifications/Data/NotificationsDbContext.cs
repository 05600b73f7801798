using Boards.BuildingBlocks.Data;

namespace Boards.Notifications.Data;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Announcement> Announcements => Set<Announcement>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Preferences> Preferences => Set<Preferences>();
    public DbSet<DigestRun> DigestRuns => Set<DigestRun>();
    public DbSet<TrackedReferral> TrackedReferrals => Set<TrackedReferral>();
    public DbSet<TrackedAgreement> TrackedAgreements => Set<TrackedAgreement>();
    public DbSet<TrackedServiceDay> TrackedServiceDays => Set<TrackedServiceDay>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
