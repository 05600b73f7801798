using Boards.BuildingBlocks.Data;
using Boards.Planning.Domain;
using Boards.Planning.Domain.Proposals;
using Boards.Planning.Domain.Replicas;
using Boards.Planning.Domain.Versions;

namespace Boards.Planning.Data;

public sealed class PlanningDbContext(DbContextOptions<PlanningDbContext> options) : DbContext(options)
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<Objective> Objectives => Set<Objective>();
    public DbSet<PlanAction> Actions => Set<PlanAction>();
    public DbSet<PlanVersion> Versions => Set<PlanVersion>();
    public DbSet<ProposedAction> Proposals => Set<ProposedAction>();
    public DbSet<EarlyAgreementStatus> EarlyAgreementStatuses => Set<EarlyAgreementStatus>();
    public DbSet<PrioritizedNeedReplica> PrioritizedNeeds => Set<PrioritizedNeedReplica>();
    public DbSet<SessionReplica> Sessions => Set<SessionReplica>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlanningDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
