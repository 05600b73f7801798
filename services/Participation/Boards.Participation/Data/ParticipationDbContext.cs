using Boards.BuildingBlocks.Data;
using Boards.Participation.Domain;
using Boards.Participation.Domain.Answers;
using Boards.Participation.Domain.Codes;

namespace Boards.Participation.Data;

/// <summary>participationdb: the municipality replica, slip batches, code hashes, answers, and the outbox and inbox.</summary>
public sealed class ParticipationDbContext(DbContextOptions<ParticipationDbContext> options) : DbContext(options)
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<SlipBatch> SlipBatches => Set<SlipBatch>();
    public DbSet<PulseCode> Codes => Set<PulseCode>();
    public DbSet<PulseAnswer> Answers => Set<PulseAnswer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ParticipationDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
