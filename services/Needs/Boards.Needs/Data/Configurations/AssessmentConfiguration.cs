using Boards.Needs.Domain;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Needs.Data.Configurations;

internal sealed class AssessmentRoundConfiguration : IEntityTypeConfiguration<AssessmentRound>
{
    public void Configure(EntityTypeBuilder<AssessmentRound> round)
    {
        round.ToTable("assessment_rounds");
        round.HasKey(r => r.Id);
        round.HasIndex(r => new { r.MunicipalityCode, r.Period }).IsUnique();
        // At most one open round per municipality, even when two people open one at the same moment.
        round.HasIndex(r => r.MunicipalityCode).IsUnique().HasFilter("\"Status\" = 'open'").HasDatabaseName("ix_assessment_rounds_one_open");
        round.Property(r => r.MunicipalityCode).HasMaxLength(NeedsLimits.Code);
        round.Property(r => r.Period).HasMaxLength(NeedsLimits.Period);
        round.Property(r => r.Title).HasMaxLength(NeedsLimits.Name);
        round.Property(r => r.Status).HasMaxLength(16).HasConversion(v => v.Code(), v => v == "open" ? RoundStatus.Open : RoundStatus.Closed);
        round.Property(r => r.OpenedBy).HasMaxLength(200);
        round.Property(r => r.ClosedBy).HasMaxLength(200);
        round.Property(r => r.Version).IsConcurrencyToken();
        round.HasMany(r => r.Needs).WithOne().HasForeignKey(n => n.RoundId).OnDelete(DeleteBehavior.Restrict);
        round.HasMany(r => r.Ballots).WithOne().HasForeignKey(b => b.RoundId).OnDelete(DeleteBehavior.Restrict);
        round.Navigation(r => r.Needs).HasField("_needs").UsePropertyAccessMode(PropertyAccessMode.Field);
        round.Navigation(r => r.Ballots).HasField("_ballots").UsePropertyAccessMode(PropertyAccessMode.Field);
        round.HasOne<Municipality>().WithMany().HasForeignKey(r => r.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> need)
    {
        need.ToTable("needs");
        need.HasKey(n => n.Id);
        // The round gives each need its id, so a need found through the round with an id is new, not an existing row.
        need.Property(n => n.Id).ValueGeneratedNever();
        need.HasIndex(n => new { n.RoundId, n.Number }).IsUnique();
        need.Property(n => n.Category).HasMaxLength(NeedsLimits.Code);
        need.Property(n => n.Locality).HasMaxLength(NeedsLimits.Name);
        need.Property(n => n.PopulationGroup).HasMaxLength(NeedsLimits.Choice).HasConversion(v => v.Code(), v => AssessmentCodes.Groups[v]);
        need.Property(n => n.EvidenceSource).HasMaxLength(NeedsLimits.Choice).HasConversion(v => v.Code(), v => AssessmentCodes.Sources[v]);
        need.Property(n => n.EvidenceNotes).HasMaxLength(NeedsLimits.EvidenceNotes);
        need.Property(n => n.RecordedBy).HasMaxLength(200);
        need.Property(n => n.CorrectedBy).HasMaxLength(200);
        need.Property(n => n.FrozenDecidedBy).HasMaxLength(40);
        need.ToTable(t => t.HasCheckConstraint("ck_needs_severity", "\"Severity\" BETWEEN 1 AND 5"));
    }
}

internal sealed class NeedBallotConfiguration : IEntityTypeConfiguration<NeedBallot>
{
    public void Configure(EntityTypeBuilder<NeedBallot> ballot)
    {
        ballot.ToTable("need_ballots");
        ballot.HasKey(b => b.Id);
        ballot.Property(b => b.Id).ValueGeneratedNever();
        ballot.HasIndex(b => new { b.RoundId, b.MemberId }).IsUnique();
        ballot.Property(b => b.MemberName).HasMaxLength(NeedsLimits.Name);
        ballot.Property(b => b.CastBy).HasMaxLength(200);
    }
}
