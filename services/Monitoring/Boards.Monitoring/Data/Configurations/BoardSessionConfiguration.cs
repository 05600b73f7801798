using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Monitoring.Data.Configurations;

internal sealed class BoardSessionConfiguration : IEntityTypeConfiguration<BoardSession>
{
    public void Configure(EntityTypeBuilder<BoardSession> row)
    {
        row.ToTable("board_sessions");
        row.HasKey(r => r.SessionId);
        row.Property(r => r.SessionId).HasColumnName("session_id").ValueGeneratedNever();
        row.Property(r => r.Code).HasColumnName("municipality_code").HasMaxLength(64);
        row.Property(r => r.Date).HasColumnName("date");
        row.Property(r => r.SessionVersion).HasColumnName("session_version");
        row.Property(r => r.UpdatedAt).HasColumnName("updated_at");
        // The summary's count per window and rule 4's latest date are both per municipality by date.
        row.HasIndex(r => new { r.Code, r.Date }).HasDatabaseName("ix_board_sessions_municipality_code_date");
    }
}
