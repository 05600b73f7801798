using Boards.BuildingBlocks.Data;
using Boards.BuildingBlocks.Inbox;

namespace Boards.Notifications.Data;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options), IWritesAtCommit
{
    private readonly Dictionary<Type, object> _kept = [];

    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Announcement> Announcements => Set<Announcement>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Preferences> Preferences => Set<Preferences>();
    public DbSet<DigestRun> DigestRuns => Set<DigestRun>();
    public DbSet<TrackedReferral> TrackedReferrals => Set<TrackedReferral>();
    public DbSet<TrackedAgreement> TrackedAgreements => Set<TrackedAgreement>();
    public DbSet<TrackedServiceDay> TrackedServiceDays => Set<TrackedServiceDay>();

    /// <summary>
    /// What the handlers of the consumer transaction under way share (one message's, or a batch's: docs/messaging.md,
    /// "Batches"), made by the first that asks. The consumers' transactions forget it when they start and when they end,
    /// so a pooled context never carries it into another; only consumers ask for it.
    /// </summary>
    public T Kept<T>(Func<T> create) where T : class
    {
        if (!_kept.TryGetValue(typeof(T), out var kept))
        {
            kept = create();
            _kept[typeof(T)] = kept;
        }

        return (T)kept;
    }

    void IWritesAtCommit.DiscardKeptWrites() => _kept.Clear();

    Task IWritesAtCommit.WriteKeptAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
