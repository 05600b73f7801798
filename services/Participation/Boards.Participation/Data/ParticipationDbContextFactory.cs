using Microsoft.EntityFrameworkCore.Design;

namespace Boards.Participation.Data;

/// <summary>For `dotnet ef migrations add` only: builds the model without starting the service or touching a database.</summary>
internal sealed class ParticipationDbContextFactory : IDesignTimeDbContextFactory<ParticipationDbContext>
{
    public ParticipationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ParticipationDbContext>()
            .UseNpgsql("Host=localhost;Database=participationdb")
            .Options);
}
