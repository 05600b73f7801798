using Microsoft.EntityFrameworkCore.Design;

namespace Boards.ServiceDays.Data;

/// <summary>For `dotnet ef migrations add` only: builds the model without starting the service or touching a database.</summary>
internal sealed class ServiceDaysDbContextFactory : IDesignTimeDbContextFactory<ServiceDaysDbContext>
{
    public ServiceDaysDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ServiceDaysDbContext>()
            .UseNpgsql("Host=localhost;Database=servicedaysdb")
            .Options);
}
