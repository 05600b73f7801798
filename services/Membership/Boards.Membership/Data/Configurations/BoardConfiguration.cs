using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Membership.Data.Configurations;

internal sealed class BoardConfiguration : IEntityTypeConfiguration<Board>
{
    public void Configure(EntityTypeBuilder<Board> board)
    {
        board.ToTable("boards");
        board.HasKey(b => b.Id);
        board.Property(b => b.Id).ValueGeneratedNever();
        board.Property(b => b.MunicipalityCode).HasMaxLength(MembershipLimits.Code);
        // One board per municipality.
        board.HasIndex(b => b.MunicipalityCode).IsUnique();
        board.HasOne<Municipality>().WithMany().HasForeignKey(b => b.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
        board.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        board.Property(b => b.CreatedBy).HasMaxLength(200);
        board.Property(b => b.Version).IsConcurrencyToken();
        // Every change bumps Version, so the board row is always written and xmin guards children changes too.
        board.Property<uint>("RowVersion").IsRowVersion();

        board.ComplexProperty(b => b.CreatingAct, act =>
        {
            act.Property(a => a.ResolutionNumber).HasColumnName("resolution_number").HasMaxLength(MembershipLimits.ResolutionNumber);
            act.Property(a => a.ResolutionDate).HasColumnName("resolution_date");
        });
        board.ComplexProperty(b => b.Chair, chair =>
        {
            chair.Property(c => c.Name).HasColumnName("chair_name").HasMaxLength(MembershipLimits.Name);
            chair.Property(c => c.Role).HasColumnName("chair_role").HasConversion<string>().HasMaxLength(20);
        });

        board.HasMany(b => b.Members).WithOne().HasForeignKey(m => m.BoardId).OnDelete(DeleteBehavior.Restrict);
        board.Navigation(b => b.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);
        board.HasMany(b => b.FocalPointTerms).WithOne().HasForeignKey(t => t.BoardId).OnDelete(DeleteBehavior.Restrict);
        board.Navigation(b => b.FocalPointTerms).HasField("_focalPointTerms").UsePropertyAccessMode(PropertyAccessMode.Field);

        board.Ignore(b => b.ActiveMembers);
        board.Ignore(b => b.CurrentFocalPointTerm);
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> member)
    {
        member.ToTable("members");
        member.HasKey(m => m.Id);
        member.Property(m => m.Id).ValueGeneratedNever();
        member.Property(m => m.PersonName).HasMaxLength(MembershipLimits.Name);
        member.Property(m => m.Organization).HasMaxLength(MembershipLimits.Name);
        member.Property(m => m.Sector).HasConversion<string>().HasMaxLength(40);
        member.Property(m => m.Gender).HasConversion<string>().HasMaxLength(20);
        member.Property(m => m.AgeBand).HasConversion<string>().HasMaxLength(20);
        member.Property(m => m.Position).HasConversion<string>().HasMaxLength(20);
        member.Property(m => m.CeaseReason).HasMaxLength(MembershipLimits.CeaseReason);
        member.Property(m => m.CreatedBy).HasMaxLength(200);
        member.Property(m => m.Account).HasMaxLength(MembershipLimits.Account);
        member.Property(m => m.CorrectedBy).HasMaxLength(200);
        member.ComplexProperty(m => m.Territory, territory =>
        {
            territory.Property(t => t.Area).HasColumnName("territory_area").HasConversion<string>().HasMaxLength(10);
            territory.Property(t => t.Locality).HasColumnName("territory_locality").HasMaxLength(MembershipLimits.Name);
        });
        member.HasIndex(m => new { m.BoardId, m.CeasedOn });
        member.Ignore(m => m.IsActive);
    }
}

internal sealed class FocalPointTermConfiguration : IEntityTypeConfiguration<FocalPointTerm>
{
    public void Configure(EntityTypeBuilder<FocalPointTerm> term)
    {
        term.ToTable("focal_point_terms");
        term.HasKey(t => t.Id);
        term.Property(t => t.Id).ValueGeneratedNever();
        term.Property(t => t.AppointedBy).HasMaxLength(200);
        // Terms that existed before the identity link are recorded as pending; nothing grants them retroactively.
        term.Property(t => t.Access).HasConversion<string>().HasMaxLength(20).HasDefaultValue(FocalPointAccess.Pending).HasSentinel(0);
        term.Property(t => t.AccessDetail).HasMaxLength(1000);
        term.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Restrict);
        // The database enforces the invariant too: at most one open term per board.
        term.HasIndex(t => t.BoardId).IsUnique().HasFilter("\"EndsOn\" IS NULL").HasDatabaseName("ux_focal_point_terms_one_current");
        term.HasIndex(t => new { t.BoardId, t.StartsOn });
        term.Ignore(t => t.IsCurrent);
    }
}
