using Boards.Identity.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Boards.Identity.Data;

/// <summary>OpenIddict's applications, authorizations, scopes and tokens, and the stored user accounts.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    public DbSet<UserAccount> Users => Set<UserAccount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseOpenIddict();
        modelBuilder.ApplyConfiguration(new UserAccountConfiguration());
    }
}
