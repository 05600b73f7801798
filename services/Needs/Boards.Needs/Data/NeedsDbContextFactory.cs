using Microsoft.EntityFrameworkCore.Design;

namespace Boards.Needs.Data;

/// <summary>For `dotnet ef migrations add` only: builds the model without starting the service or touching a database.</summary>
internal sealed class NeedsDbContextFactory : IDesignTimeDbContextFactory<NeedsDbContext>
{
    public NeedsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NeedsDbContext>()
            .UseNpgsql("Host=localhost;Database=needsdb")
            .Options);
}
