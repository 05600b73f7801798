using Boards.Membership.Domain.Sessions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Membership.Data.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> session)
    {
        session.ToTable("sessions");
        session.HasKey(s => s.Id);
        session.Property(s => s.Id).ValueGeneratedNever();
        session.HasOne<Board>().WithMany().HasForeignKey(s => s.BoardId).OnDelete(DeleteBehavior.Restrict);
        session.Property(s => s.Agenda).HasMaxLength(MembershipLimits.Agenda);
        session.Property(s => s.Minutes).HasMaxLength(MembershipLimits.Minutes);
        session.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        session.Property(s => s.Attendees).HasColumnType("uuid[]");
        session.Property(s => s.QuorumFraction).HasPrecision(4, 3);
        session.Property(s => s.CreatedBy).HasMaxLength(200);
        session.Property(s => s.Version).IsConcurrencyToken();
        session.HasIndex(s => new { s.BoardId, s.Date });
        session.HasMany(s => s.Agreements).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Restrict);
        session.Navigation(s => s.Agreements).HasField("_agreements").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> agreement)
    {
        agreement.ToTable("agreements");
        agreement.HasKey(a => a.Id);
        agreement.Property(a => a.Id).ValueGeneratedNever();
        agreement.Property(a => a.What).HasMaxLength(MembershipLimits.AgreementWhat);
        agreement.Property(a => a.ResponsibleInstitution).HasMaxLength(MembershipLimits.Code);
        agreement.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        agreement.Property(a => a.StatusChangedBy).HasMaxLength(200);
    }
}
