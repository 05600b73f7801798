global using Boards.Testing;
using System.Collections.Concurrent;
using Boards.BuildingBlocks.ReferenceData;
using Boards.Needs.Contracts.Events;
using Boards.Needs.Domain;
using Boards.Needs.Features.CastBallot;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Boards.Needs.Tests.Integration;

/// <summary>
/// The Needs service hosted in-process (<see cref="ServiceTestHost{TProgram}"/>: the REAL PostgreSQL and RabbitMQ, a fresh
/// database, its own municipality queue, tokens from our identity provider in-process), plus a separate bus that listens
/// for ServiceOfferChanged, NeedsPrioritized and GapAnalysisPublished and publishes MunicipalityRegistered, as other
/// services would.
/// </summary>
public class NeedsHost() : ServiceTestHost<Program>("needs", "needsdb", "Needs:ReceiveEndpoint", "needs-municipalities"), IAsyncLifetime
{
    public ConcurrentQueue<ServiceOfferChanged> OfferChanges { get; } = new();

    /// <summary>Who may vote in which municipality (Membership's roster, scripted).</summary>
    public ScriptedRoster Roster { get; } = new();

    /// <summary>A new voting member of the municipality's board, by id.</summary>
    public Guid Voter(string municipality, string personName = "Ana") => Roster.Seat(municipality, personName);

    protected override void Configure(IWebHostBuilder web) =>
        web.ConfigureTestServices(services => services.AddSingleton<IBoardRoster>(Roster));
    public ConcurrentQueue<NeedsPrioritized> Prioritized { get; } = new();
    public ConcurrentQueue<GapAnalysisPublished> GapAnalyses { get; } = new();

    protected override void Listen(IReceiveEndpointConfigurator endpoint)
    {
        Collect(endpoint, OfferChanges);
        Collect(endpoint, Prioritized);
        Collect(endpoint, GapAnalyses);
    }

    /// <summary>A municipality of its own for one test, put in the replica as the boot snapshot does.</summary>
    public async Task<string> NewMunicipalityAsync(string name = "Municipio de prueba")
    {
        var code = $"prueba-{Guid.NewGuid().ToString("N")[..10]}";
        await InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<NeedsDbContext>();
            db.Municipalities.Add(new Municipality { Code = code, Name = name, Department = "Itapúa", DepartmentNumber = 7, Status = "test" });
            return await db.SaveChangesAsync();
        });
        return code;
    }
}
