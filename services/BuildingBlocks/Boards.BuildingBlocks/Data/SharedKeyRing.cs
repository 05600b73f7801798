using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Boards.BuildingBlocks.Data;

/// <summary>
/// ASP.NET Core Data Protection's key ring (it encrypts session cookies, antiforgery tokens and anything else an app
/// protects) kept in the app's own database: every replica reads and writes with the same keys, and a restart keeps
/// them. Without it each process made its own keys, so a cookie made on one replica was unreadable on another, and
/// every restart signed everyone out (docs/architecture.md, "Several replicas").
/// </summary>
public static class SharedKeyRing
{
    /// <summary>The table the keys live in, in the app's database.</summary>
    public const string Table = "data_protection_keys";

    public static IHostApplicationBuilder AddSharedKeyRing<TDbContext>(this IHostApplicationBuilder builder, string applicationName)
        where TDbContext : DbContext, IDataProtectionKeyContext
    {
        builder.Services.AddDataProtection()
            .SetApplicationName(applicationName)
            .PersistKeysToDbContext<TDbContext>();
        return builder;
    }

    /// <summary>The keys' table, with the name and column limits the key ring's own model gives.</summary>
    public static ModelBuilder MapKeyRing(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DataProtectionKey>().ToTable(Table);
        return modelBuilder;
    }
}
