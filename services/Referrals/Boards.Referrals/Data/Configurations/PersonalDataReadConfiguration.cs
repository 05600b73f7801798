using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Referrals.Data.Configurations;

internal sealed class PersonalDataReadConfiguration : IEntityTypeConfiguration<PersonalDataRead>
{
    public void Configure(EntityTypeBuilder<PersonalDataRead> read)
    {
        // Append-only: migration PersonalDataReads adds a trigger that refuses UPDATE, DELETE and TRUNCATE.
        read.ToTable("personal_data_reads");
        read.HasKey(r => r.Id);
        read.Property(r => r.Id).UseIdentityAlwaysColumn();
        read.Property(r => r.ActorSubject).HasMaxLength(ReferralLimits.Actor);
        read.Property(r => r.ActorName).HasMaxLength(ReferralLimits.Actor);
        read.Property(r => r.ActorRoles).HasMaxLength(ReferralLimits.Actor);
        read.Property(r => r.Door).HasMaxLength(16);
        read.Property(r => r.Action).HasMaxLength(16);
        read.Property(r => r.Disclosure).HasMaxLength(16);
        read.Property(r => r.PersonKey).HasMaxLength(64);
        read.Property(r => r.Reason).HasMaxLength(ReferralLimits.Note);
        read.HasIndex(r => new { r.PersonKey, r.At });
        read.HasIndex(r => new { r.ActorSubject, r.At });
        read.HasIndex(r => r.At);
    }
}
