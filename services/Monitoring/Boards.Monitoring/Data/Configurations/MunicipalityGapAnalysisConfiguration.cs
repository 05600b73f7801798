using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Monitoring.Data.Configurations;

internal sealed class MunicipalityGapAnalysisConfiguration : IEntityTypeConfiguration<MunicipalityGapAnalysis>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<MunicipalityGapAnalysis> row)
    {
        row.ToTable("municipality_gap_analysis");
        row.HasKey(r => r.Code);
        row.Property(r => r.Code).HasColumnName("code").HasMaxLength(64).ValueGeneratedNever();
        row.Property(r => r.AnalysisId).HasColumnName("analysis_id");
        row.Property(r => r.Trigger).HasColumnName("trigger");
        row.Property(r => r.RoundId).HasColumnName("round_id");
        row.Property(r => r.Period).HasColumnName("period");
        row.Property(r => r.EvidenceSince).HasColumnName("evidence_since");
        row.Property(r => r.ComputedAt).HasColumnName("computed_at");
        // The categories are read and replaced whole, never queried one by one: one jsonb array, in the published order.
        row.Property(r => r.Categories).HasColumnName("categories").HasColumnType("jsonb")
            .HasConversion(
                categories => JsonSerializer.Serialize(categories, Json),
                json => JsonSerializer.Deserialize<List<CategoryGapValue>>(json, Json) ?? new List<CategoryGapValue>(),
                new ValueComparer<List<CategoryGapValue>>(
                    (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
                    categories => categories.Aggregate(0, (hash, c) => HashCode.Combine(hash, c.GetHashCode())),
                    categories => categories.ToList()));
    }
}
