using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Notifications.Data.Configurations;

internal sealed class PreferencesConfiguration : IEntityTypeConfiguration<Preferences>
{
    public void Configure(EntityTypeBuilder<Preferences> preferences)
    {
        preferences.ToTable("preferences");
        preferences.HasKey(p => p.Subject);
        preferences.Property(p => p.Subject).HasMaxLength(NotificationsLimits.Subject);
        // A JSON object of kind → mode, written through System.Text.Json (Npgsql maps dictionaries to hstore otherwise).
        preferences.Property(p => p.Modes).HasColumnType("jsonb").HasConversion(
            modes => JsonSerializer.Serialize(modes, (JsonSerializerOptions?)null),
            json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, (JsonSerializerOptions?)null) ?? new Dictionary<string, string>(),
            new ValueComparer<Dictionary<string, string>>(
                (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                modes => modes.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                modes => new Dictionary<string, string>(modes, StringComparer.Ordinal)));
    }
}

internal sealed class DigestRunConfiguration : IEntityTypeConfiguration<DigestRun>
{
    public void Configure(EntityTypeBuilder<DigestRun> run)
    {
        run.ToTable("digest_runs");
        run.HasKey(r => r.Id);
        run.HasIndex(r => new { r.Subject, r.DueAt }).IsUnique();
        run.Property(r => r.Subject).HasMaxLength(NotificationsLimits.Subject);
    }
}
