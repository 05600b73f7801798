using Boards.Membership.Domain.Representativity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Membership.Data.Configurations;

internal sealed class RepresentativityPolicyVersionConfiguration : IEntityTypeConfiguration<RepresentativityPolicyVersion>
{
    public void Configure(EntityTypeBuilder<RepresentativityPolicyVersion> policy)
    {
        policy.ToTable("representativity_policies");
        policy.HasKey(p => p.Version);
        policy.Property(p => p.Version).ValueGeneratedNever();
        policy.Property(p => p.PolicyJson).HasColumnType("jsonb");
        policy.Property(p => p.CreatedBy).HasMaxLength(200);
    }
}

internal sealed class StoredAssessmentConfiguration : IEntityTypeConfiguration<StoredAssessment>
{
    public void Configure(EntityTypeBuilder<StoredAssessment> assessment)
    {
        assessment.ToTable("representativity_assessments");
        assessment.HasKey(a => a.Id);
        assessment.Property(a => a.Id).ValueGeneratedNever();
        assessment.Property(a => a.MunicipalityCode).HasMaxLength(64);
        assessment.Property(a => a.Basis).HasConversion<string>().HasMaxLength(20);
        assessment.Property(a => a.Score).HasPrecision(5, 1);
        assessment.Property(a => a.AssessmentJson).HasColumnType("jsonb");
        assessment.HasOne<Board>().WithMany().HasForeignKey(a => a.BoardId).OnDelete(DeleteBehavior.Restrict);
        assessment.HasOne<RepresentativityPolicyVersion>().WithMany().HasForeignKey(a => a.PolicyVersion).OnDelete(DeleteBehavior.Restrict);
        // The latest per board is read often.
        assessment.HasIndex(a => new { a.BoardId, a.AssessedAt });
    }
}
