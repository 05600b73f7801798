using System.Net;
using Boards.Membership.Features.ImportMembers;
using Boards.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Boards.Membership.Tests.Import;

/// <summary>
/// Two hosts of the Membership service, replica A (<see cref="ServiceTestHost{TProgram}.Factory"/>) and replica B, on the
/// SAME database and broker, as two replicas behind a load balancer: each runs its own import worker, sweep and outbox
/// relay. Real PostgreSQL, RabbitMQ and tokens from the in-process identity provider.
/// </summary>
public sealed class TwoReplicasHost()
    : ServiceTestHost<Program>("membership", "membershipdb", "Membership:IdentityLink:ReceiveEndpoint", "membership-identity-link"), IAsyncLifetime
{
    private WebApplicationFactory<Program>? _replicaB;

    public WebApplicationFactory<Program> ReplicaB => _replicaB ?? throw new InvalidOperationException("Not started.");

    public HttpClient ClientA(string? token) => Client(token);

    public HttpClient ClientB(string? token) => ReplicaB.CreateClientWithToken(token);

    public string ReplicaNameA => Services.GetRequiredService<MemberImportRunner>().Replica;

    public string ReplicaNameB => ReplicaB.Services.GetRequiredService<MemberImportRunner>().Replica;

    protected override void Configure(IWebHostBuilder web) => web.UseSetting("Membership:SeedDemoData", "false");

    protected override void Started()
    {
        _replicaB = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            UseTestInfrastructure(web, "membershipdb", DatabaseName, "Membership:IdentityLink:ReceiveEndpoint", ReceiveEndpoint);
            Configure(web);
        });
        _ = _replicaB.Server; // starts replica B: it finds the database migrated by A
    }

    protected override async Task StoppedAsync()
    {
        if (_replicaB is not null)
        {
            await _replicaB.DisposeAsync();
        }
    }

    public Task<T> InDbAsync<T>(Func<MembershipDbContext, Task<T>> action) =>
        InScopeAsync(services => action(services.GetRequiredService<MembershipDbContext>()));

    /// <summary>A municipality and its board, created through replica A's REST API by a ministry admin.</summary>
    public async Task<string> NewBoardAsync()
    {
        var code = $"replica-{Guid.NewGuid().ToString("N")[..10]}";
        await InDbAsync(db =>
        {
            db.Municipalities.Add(new Municipality { Code = code, Name = "Municipio de prueba", Department = "Itapúa", DepartmentNumber = 7, Status = "test" });
            return db.SaveChangesAsync();
        });
        using var admin = ClientA(await TokenAsync(null, BoardsRoles.MinistryAdmin));
        await (await admin.PostJsonAsync("/api/boards", new
        {
            municipalityCode = code, resolutionNumber = "Res. 21/2026", resolutionDate = "2026-01-10", chairName = "Intendente", chairRole = "mayor",
        })).JsonAsync(HttpStatusCode.Created);
        return code;
    }
}
