using Boards.BuildingBlocks.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;

namespace Boards.Identity.Data;

/// <summary>
/// OpenIddict's applications, authorizations, scopes and tokens, the stored user accounts, the failed sign-ins and the
/// Data Protection key ring (<see cref="SharedKeyRing"/>).
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<UserAccount> Users => Set<UserAccount>();

    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseOpenIddict();
        modelBuilder.MapKeyRing();
        modelBuilder.ApplyConfiguration(new UserAccountConfiguration());
        modelBuilder.Entity<SignInFailure>(failure =>
        {
            failure.ToTable("sign_in_failures");
            failure.HasKey(f => f.Key);
            failure.Property(f => f.Key).HasColumnName("key").HasMaxLength(300);
            failure.Property(f => f.Failures).HasColumnName("failures");
            failure.Property(f => f.LastFailureAt).HasColumnName("last_failure_at");
            failure.Property(f => f.LockedUntil).HasColumnName("locked_until");
        });
    }
}
