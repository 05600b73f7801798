using Boards.BuildingBlocks.Data;

namespace Boards.BuildingBlocks.Tests.Data;

/// <summary>A service's database in miniature: its own business table, the consumer's side-effect table, outbox and inbox.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public DbSet<Thing> Things => Set<Thing>();

    public DbSet<HandledThing> HandledThings => Set<HandledThing>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<Thing>(thing =>
        {
            thing.ToTable("things");
            thing.HasKey(t => t.Id);
            thing.Property(t => t.Name).HasMaxLength(100);
            thing.HasIndex(t => t.Name).IsUnique();
        });
        modelBuilder.Entity<HandledThing>(handled =>
        {
            handled.ToTable("handled_things");
            handled.HasKey(h => h.Id);
        });
    }
}

/// <summary>The business change that an event announces.</summary>
public sealed class Thing
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; init; }
}

/// <summary>What the consumer does with an event: one row per handling. Duplicates would show as extra rows.</summary>
public sealed class HandledThing
{
    public long Id { get; init; }
    public Guid MessageId { get; init; }
    public Guid ThingId { get; init; }
    public int Sequence { get; init; }
}
