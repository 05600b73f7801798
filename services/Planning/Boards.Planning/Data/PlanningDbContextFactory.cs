using Microsoft.EntityFrameworkCore.Design;

namespace Boards.Planning.Data;

/// <summary>For `dotnet ef migrations add` only: builds the model without starting the service or touching a database.</summary>
internal sealed class PlanningDbContextFactory : IDesignTimeDbContextFactory<PlanningDbContext>
{
    public PlanningDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PlanningDbContext>()
            .UseNpgsql("Host=localhost;Database=planningdb")
            .Options);
}
