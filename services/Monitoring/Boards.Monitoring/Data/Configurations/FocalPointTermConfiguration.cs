using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Monitoring.Data.Configurations;

internal sealed class FocalPointTermConfiguration : IEntityTypeConfiguration<FocalPointTerm>
{
    public void Configure(EntityTypeBuilder<FocalPointTerm> term)
    {
        term.ToTable("focal_point_terms");
        term.HasKey(t => t.TermId);
        term.Property(t => t.TermId).HasColumnName("term_id").ValueGeneratedNever();
        term.Property(t => t.Code).HasColumnName("municipality_code").HasMaxLength(64);
        term.Property(t => t.MemberId).HasColumnName("member_id");
        term.Property(t => t.BoardVersion).HasColumnName("board_version");
        term.Property(t => t.StartsOn).HasColumnName("starts_on");
        term.Property(t => t.Access).HasColumnName("access").HasMaxLength(20);
        term.Property(t => t.AccessUpdatedAt).HasColumnName("access_updated_at");
        // The current term of each municipality: its highest board version.
        term.HasIndex(t => new { t.Code, t.BoardVersion }).HasDatabaseName("ix_focal_point_terms_municipality_code_board_version");
    }
}
