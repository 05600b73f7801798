using Boards.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Boards.Membership.Tests.Integration.Limits;

/// <summary>
/// The Membership service in-process on the REAL PostgreSQL and RabbitMQ, validating REAL tokens from our identity
/// provider (also in-process): the limit tests go through routing, ASP.NET Core's validation and the gRPC interceptors.
/// </summary>
public sealed class MembershipTokenHost()
    : ServiceTestHost<Program>("membership", "membershipdb", "Membership:IdentityLink:ReceiveEndpoint", "membership-identity-link"), IAsyncLifetime
{
    protected override void Configure(IWebHostBuilder web) => web.UseSetting("Membership:SeedDemoData", "false");

    /// <summary>How many boards, members and sessions this host's database holds.</summary>
    public Task<(int Boards, int Members, int Sessions)> CountWrittenAsync() =>
        InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MembershipDbContext>();
            return (await db.Boards.CountAsync(), await db.Members.CountAsync(), await db.Sessions.CountAsync());
        });
}
