using Microsoft.EntityFrameworkCore;

namespace Boards.Identity.Data;

/// <summary>OpenIddict's applications, authorizations, scopes and tokens. Accounts are not stored: see DemoAccounts.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseOpenIddict();
    }
}
