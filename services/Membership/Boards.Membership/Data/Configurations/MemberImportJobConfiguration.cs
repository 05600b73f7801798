using System.Text.Json;
using Boards.BuildingBlocks.Import;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Membership.Data.Configurations;

internal sealed class MemberImportJobConfiguration : IEntityTypeConfiguration<MemberImportJob>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<MemberImportJob> job)
    {
        job.ToTable("member_import_jobs");
        job.HasKey(j => j.Id);
        job.Property(j => j.Id).ValueGeneratedNever();
        job.Property(j => j.MunicipalityCode).HasMaxLength(MembershipLimits.Code);
        job.Property(j => j.StartedBy).HasMaxLength(MembershipLimits.Name);
        job.Property(j => j.StartedByName).HasMaxLength(MembershipLimits.Name);
        job.Property(j => j.StartedByRoles).HasColumnType("text[]");
        job.Property(j => j.StartedByMunicipality).HasMaxLength(MembershipLimits.Code);
        job.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        job.Property(j => j.Detail).HasMaxLength(2000);
        job.Property(j => j.ClaimedBy).HasMaxLength(MembershipLimits.Name);
        // Only the holder of the current claim may finish the job: a replica whose lease ran out, and whose job another
        // replica took over, finds its token gone and its whole transaction (members included) refused.
        job.Property(j => j.ClaimToken).IsConcurrencyToken();
        // Set once when the job fails on its rows, never changed in place.
        job.Property(j => j.Errors).HasColumnType("jsonb").HasConversion(
            errors => errors == null ? null : JsonSerializer.Serialize(errors, Json),
            text => text == null ? null : JsonSerializer.Deserialize<List<ImportError>>(text, Json),
            new ValueComparer<IReadOnlyList<ImportError>?>(
                (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
                errors => errors == null ? 0 : errors.Count,
                errors => errors));
        job.HasOne<Municipality>().WithMany().HasForeignKey(j => j.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
        // The sweep of finished jobs; the claim looks for unfinished ones.
        job.HasIndex(j => j.FinishedAt);
        job.Ignore(j => j.IsFinished);
        job.Ignore(j => j.Starter);
        job.Ignore(j => j.Percent);
    }
}

internal sealed class MemberImportFileConfiguration : IEntityTypeConfiguration<MemberImportFile>
{
    public void Configure(EntityTypeBuilder<MemberImportFile> file)
    {
        file.ToTable("member_import_files");
        file.HasKey(f => f.JobId);
        file.Property(f => f.JobId).ValueGeneratedNever();
        file.Property(f => f.Content).HasColumnType("bytea");
        file.HasOne<MemberImportJob>().WithOne().HasForeignKey<MemberImportFile>(f => f.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
