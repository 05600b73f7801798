using System.Text.Json;
using Boards.Monitoring.Domain.OpenData;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Monitoring.Data.Configurations;

internal sealed class IndicatorReadingConfiguration : IEntityTypeConfiguration<IndicatorReading>
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<IndicatorReading> row)
    {
        row.ToTable("indicator_readings");
        // A reading delivered twice, or published again by its source, has the same key and is kept once.
        row.HasKey(r => new { r.Code, r.Kind, r.SourceId, r.TakenAt });
        row.Property(r => r.Code).HasColumnName("code").HasMaxLength(MonitoringLimits.Code).ValueGeneratedNever();
        row.Property(r => r.Kind).HasColumnName("kind").HasMaxLength(32).ValueGeneratedNever();
        row.Property(r => r.SourceId).HasColumnName("source_id").ValueGeneratedNever();
        row.Property(r => r.TakenAt).HasColumnName("taken_at").ValueGeneratedNever();
        row.Property(r => r.Year).HasColumnName("year");
        row.Property(r => r.Value).HasColumnName("value").HasColumnType("numeric");
        row.Property(r => r.Gaps).HasColumnName("gaps").HasColumnType("jsonb")
            .HasConversion(
                gaps => JsonSerializer.Serialize(gaps, Json),
                json => JsonSerializer.Deserialize<List<CategoryGapValue>>(json, Json) ?? new List<CategoryGapValue>(),
                new ValueComparer<List<CategoryGapValue>>(
                    (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
                    gaps => gaps.Aggregate(0, (hash, g) => HashCode.Combine(hash, g.GetHashCode())),
                    gaps => gaps.ToList()));
        // "The latest reading of this kind before the month's end", for each municipality of a month.
        row.HasIndex(r => new { r.Code, r.Kind, r.TakenAt }).HasDatabaseName("ix_indicator_readings_code_kind_taken_at");
    }
}
