using Boards.BuildingBlocks.Municipalities;
using Boards.Planning.Domain;
using Boards.Planning.Domain.Proposals;
using Boards.Planning.Domain.Replicas;
using Boards.Planning.Domain.Versions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Planning.Data.Configurations;

/// <summary>The shared <c>municipalities</c> table of the replica (BuildingBlocks/Municipalities).</summary>
internal sealed class MunicipalityConfiguration : MunicipalityReplicaConfiguration<Municipality>;

internal sealed class PrioritizedNeedConfiguration : IEntityTypeConfiguration<PrioritizedNeedReplica>
{
    public void Configure(EntityTypeBuilder<PrioritizedNeedReplica> need)
    {
        need.ToTable("prioritized_needs");
        need.HasKey(n => n.NeedId);
        need.HasIndex(n => n.MunicipalityCode);
        need.Property(n => n.MunicipalityCode).HasMaxLength(64);
        need.Property(n => n.Period).HasMaxLength(16);
        need.Property(n => n.Category).HasMaxLength(64);
        need.Property(n => n.Locality).HasMaxLength(200);
        need.Property(n => n.PopulationGroup).HasMaxLength(40);
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<SessionReplica>
{
    public void Configure(EntityTypeBuilder<SessionReplica> session)
    {
        session.ToTable("sessions");
        session.HasKey(s => s.SessionId);
        session.Property(s => s.MunicipalityCode).HasMaxLength(64);
    }
}

internal sealed class ProposedActionConfiguration : IEntityTypeConfiguration<ProposedAction>
{
    public void Configure(EntityTypeBuilder<ProposedAction> proposal)
    {
        proposal.ToTable("proposed_actions");
        proposal.HasKey(p => p.AgreementId);
        proposal.HasIndex(p => p.MunicipalityCode);
        proposal.Property(p => p.MunicipalityCode).HasMaxLength(64);
        proposal.Property(p => p.What).HasMaxLength(2000);
        proposal.Property(p => p.ResponsibleInstitution).HasMaxLength(64);
        proposal.Property(p => p.AgreementStatus).HasMaxLength(16);
        proposal.Property(p => p.Status).HasMaxLength(16).HasConversion(
            v => v == ProposalStatus.Proposed ? "proposed" : v == ProposalStatus.Accepted ? "accepted" : "dismissed",
            v => v == "proposed" ? ProposalStatus.Proposed : v == "accepted" ? ProposalStatus.Accepted : ProposalStatus.Dismissed);
        proposal.Property(p => p.DismissReason).HasMaxLength(PlanningLimits.Reason);
        proposal.Property(p => p.DecidedBy).HasMaxLength(200);
        proposal.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class EarlyAgreementStatusConfiguration : IEntityTypeConfiguration<EarlyAgreementStatus>
{
    public void Configure(EntityTypeBuilder<EarlyAgreementStatus> early)
    {
        early.ToTable("early_agreement_statuses");
        early.HasKey(e => e.AgreementId);
        early.Property(e => e.Status).HasMaxLength(16);
    }
}

internal sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> version)
    {
        version.ToTable("plan_versions");
        version.HasKey(v => new { v.PlanId, v.Version });
        version.Property(v => v.ApprovedBy).HasMaxLength(200);
        version.Property(v => v.Snapshot).AsJson();
    }
}
