using Boards.BuildingBlocks.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Boards.Portal.Data;

/// <summary>
/// The portal's own database (portaldb): the people's sessions and the Data Protection key ring, so that any replica
/// serves any session and a restart signs nobody out. The portal keeps no service's data.
/// </summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string ConnectionName = "portaldb";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<PortalSession> Sessions => Set<PortalSession>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapKeyRing();
        modelBuilder.Entity<PortalSession>(session =>
        {
            session.ToTable("sessions");
            session.HasKey(s => s.Key);
            session.Property(s => s.Key).HasColumnName("key").HasMaxLength(PortalSession.KeyLength);
            session.Property(s => s.Ticket).HasColumnName("ticket");
            session.Property(s => s.ExpiresAt).HasColumnName("expires_at");
            session.HasIndex(s => s.ExpiresAt);
        });
    }
}

/// <summary>One signed-in person's session: their claims and tokens, encrypted with the key ring, until the token expires.</summary>
public sealed class PortalSession
{
    /// <summary>64 hex characters: 32 random bytes.</summary>
    public const int KeyLength = 64;

    public required string Key { get; init; }
    public required byte[] Ticket { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
