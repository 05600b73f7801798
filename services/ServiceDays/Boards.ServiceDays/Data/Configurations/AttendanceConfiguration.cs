using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.ServiceDays.Data.Configurations;

internal sealed class AttendanceBatchConfiguration : IEntityTypeConfiguration<AttendanceBatch>
{
    public void Configure(EntityTypeBuilder<AttendanceBatch> batch)
    {
        batch.ToTable("attendance_batches");
        batch.HasKey(b => b.Id);
        batch.Property(b => b.Id).ValueGeneratedNever();
        // The idempotency key: one batch id per day, even when a tablet sends it twice at once.
        batch.HasIndex(b => new { b.ServiceDayId, b.BatchId }).IsUnique();
        batch.Property(b => b.BatchId).HasMaxLength(ServiceDaysLimits.BatchId);
        batch.Property(b => b.ContentHash).HasMaxLength(64);
        batch.Property(b => b.RecordedBy).HasMaxLength(200);
        batch.HasOne<ServiceDay>().WithMany().HasForeignKey(b => b.ServiceDayId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttendanceRecordConfiguration : IEntityTypeConfiguration<AttendanceRecord>
{
    public void Configure(EntityTypeBuilder<AttendanceRecord> record)
    {
        record.ToTable("attendance_records");
        record.HasKey(r => r.Id);
        record.Property(r => r.Id).ValueGeneratedNever();
        record.HasIndex(r => r.ServiceDayId);
        record.Property(r => r.InstitutionCode).HasMaxLength(ServiceDaysLimits.Code);
        record.Property(r => r.ServiceCode).HasMaxLength(ServiceDaysLimits.Code);
        record.Property(r => r.PersonHash).HasMaxLength(40);
        record.HasOne<AttendanceBatch>().WithMany().HasForeignKey(r => r.BatchRowId).OnDelete(DeleteBehavior.Restrict);
        record.ToTable(t => t.HasCheckConstraint("ck_attendance_person_or_count",
            "(\"PersonHash\" IS NOT NULL AND \"AnonymousCount\" = 0) OR (\"PersonHash\" IS NULL AND \"AnonymousCount\" > 0)"));
    }
}
