using Microsoft.EntityFrameworkCore.Design;

namespace Boards.Membership.Data;

/// <summary>For `dotnet ef migrations add` only: builds the model without starting the service or touching a database.</summary>
internal sealed class MembershipDbContextFactory : IDesignTimeDbContextFactory<MembershipDbContext>
{
    public MembershipDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MembershipDbContext>()
            .UseNpgsql("Host=localhost;Database=membershipdb")
            .Options);
}
