using Boards.BuildingBlocks.Data;
using Boards.BuildingBlocks.Inbox;
using Boards.Monitoring.Domain.EarlyWarnings;

namespace Boards.Monitoring.Data;

/// <summary>The monitoring read model (monitoringdb): facts per referral, their totals per municipality (and month), the municipality registry, focal point terms, service days by institution, the latest representativity, gap analysis and plan per municipality, service day reports, plan actions, board sessions, early warnings, the pulse's answers and slips, the history of readings the open data needs, and the outbox and inbox.</summary>
public sealed class MonitoringDbContext(DbContextOptions<MonitoringDbContext> options) : DbContext(options), IWritesAtCommit
{
    public DbSet<ReferralFact> ReferralFacts => Set<ReferralFact>();
    public DbSet<MunicipalityReferralTotals> ReferralTotals => Set<MunicipalityReferralTotals>();
    public DbSet<MunicipalityMonthTotals> MonthTotals => Set<MunicipalityMonthTotals>();
    public DbSet<FocalPointTerm> FocalPointTerms => Set<FocalPointTerm>();
    public DbSet<ServiceDayInstitution> ServiceDayInstitutions => Set<ServiceDayInstitution>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<MunicipalityRepresentativity> Representativity => Set<MunicipalityRepresentativity>();
    public DbSet<MunicipalityGapAnalysis> GapAnalyses => Set<MunicipalityGapAnalysis>();
    public DbSet<ServiceDayReport> ServiceDayReports => Set<ServiceDayReport>();
    public DbSet<MunicipalityPlan> Plans => Set<MunicipalityPlan>();
    public DbSet<PlanAction> PlanActions => Set<PlanAction>();
    public DbSet<BoardSession> Sessions => Set<BoardSession>();
    public DbSet<EarlyWarning> EarlyWarnings => Set<EarlyWarning>();
    public DbSet<Domain.Pulse.PulseAnswerFact> PulseAnswers => Set<Domain.Pulse.PulseAnswerFact>();
    public DbSet<Domain.Pulse.PulseSlipBatch> PulseSlipBatches => Set<Domain.Pulse.PulseSlipBatch>();

    /// <summary>Every representativity, plan and gap reading, for the open data's months (docs/open-data.md).</summary>
    public DbSet<Domain.OpenData.IndicatorReading> IndicatorReadings => Set<Domain.OpenData.IndicatorReading>();

    /// <summary>The totals movements of the consumer's transaction, written at its end (<see cref="MunicipalityTotalsWrites"/>).</summary>
    internal KeptTotals KeptTotals { get; } = new();

    void IWritesAtCommit.DiscardKeptWrites() => KeptTotals.Clear();

    Task IWritesAtCommit.WriteKeptAsync(CancellationToken cancellationToken) => this.WriteKeptTotalsAsync(cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MonitoringDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
