using Microsoft.EntityFrameworkCore.Design;

namespace Boards.Monitoring.Data;

/// <summary>For `dotnet ef migrations add` only: builds the model without starting the service or touching a database.</summary>
internal sealed class MonitoringDbContextFactory : IDesignTimeDbContextFactory<MonitoringDbContext>
{
    public MonitoringDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MonitoringDbContext>()
            .UseNpgsql("Host=localhost;Database=monitoringdb")
            .Options);
}
