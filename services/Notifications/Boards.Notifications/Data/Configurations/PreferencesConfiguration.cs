using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Notifications.Data.Configurations;

internal sealed class PreferencesConfiguration : IEntityTypeConfiguration<Preferences>
{
    public void Configure(EntityTypeBuilder<Preferences> preferences)
    {
        preferences.ToTable("preferences");
        preferences.HasKey(p => p.Subject);
        preferences.Property(p => p.Subject).HasMaxLength(NotificationsLimits.Subject);
        preferences.Property(p => p.Modes).HasColumnType("jsonb");
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
