using Boards.BuildingBlocks.Data;
using Boards.Membership.Domain.IntegratorClients;
using Boards.Membership.Domain.Representativity;
using Boards.Membership.Domain.Sessions;

namespace Boards.Membership.Data;

public sealed class MembershipDbContext(DbContextOptions<MembershipDbContext> options) : DbContext(options)
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Board> Boards => Set<Board>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<FocalPointTerm> FocalPointTerms => Set<FocalPointTerm>();
    public DbSet<RepresentativityPolicyVersion> RepresentativityPolicies => Set<RepresentativityPolicyVersion>();
    public DbSet<StoredAssessment> Assessments => Set<StoredAssessment>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<MemberImportJob> MemberImportJobs => Set<MemberImportJob>();
    public DbSet<MemberImportFile> MemberImportFiles => Set<MemberImportFile>();
    public DbSet<IntegratorClient> IntegratorClients => Set<IntegratorClient>();
    public DbSet<IntegratorClientChange> IntegratorClientChanges => Set<IntegratorClientChange>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MembershipDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
