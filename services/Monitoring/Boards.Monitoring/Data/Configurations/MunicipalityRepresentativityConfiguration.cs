using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Monitoring.Data.Configurations;

internal sealed class MunicipalityRepresentativityConfiguration : IEntityTypeConfiguration<MunicipalityRepresentativity>
{
    public void Configure(EntityTypeBuilder<MunicipalityRepresentativity> row)
    {
        row.ToTable("municipality_representativity");
        row.HasKey(r => new { r.Code, r.Basis });
        row.Property(r => r.Code).HasColumnName("code").HasMaxLength(64).ValueGeneratedNever();
        row.Property(r => r.Basis).HasColumnName("basis").HasMaxLength(16).ValueGeneratedNever();
        row.Property(r => r.AssessmentId).HasColumnName("assessment_id");
        row.Property(r => r.BoardId).HasColumnName("board_id");
        row.Property(r => r.Score).HasColumnName("score").HasPrecision(5, 1);
        row.Property(r => r.PolicyVersion).HasColumnName("policy_version");
        row.Property(r => r.Gaps).HasColumnName("gaps");
        row.Property(r => r.AssessedAt).HasColumnName("assessed_at");
    }
}
