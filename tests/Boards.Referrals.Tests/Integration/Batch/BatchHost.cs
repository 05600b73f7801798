using System.Collections.Concurrent;
using Boards.BuildingBlocks.Outbox;
using Boards.Referrals.Contracts.Events;
using Boards.Referrals.Features.ServiceAvailability;
using Grpc.Core.Interceptors;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Tests.Integration.Batch;

/// <summary>
/// The Referrals service in-process on the REAL PostgreSQL and RabbitMQ, validating REAL tokens from our identity
/// provider (also in-process), with a scripted offer catalog; a listener collects the ReferralRequested events the
/// outbox relay publishes.
/// </summary>
public sealed class BatchHost() : ServiceTestHost<Program>("referrals", "referralsdb", "Referrals:ReceiveEndpoint", "referrals-municipalities"), IAsyncLifetime
{
    public ScriptedAvailability Catalog { get; } = new();

    public ConcurrentQueue<ReferralRequested> Requested { get; } = new();

    protected override void Listen(IReceiveEndpointConfigurator endpoint) => Collect(endpoint, Requested);

    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Referrals:SeedDemoData", "false");
        // A short retention period, swept only on demand (RetentionSweepTests).
        web.UseSetting("Referrals:Retention:AnonymiseClosedAfter", "00:00:02");
        web.UseSetting("Referrals:Retention:AutomaticSweep", "false");
        web.ConfigureTestServices(services => services.AddSingleton<IServiceAvailability>(Catalog));
    }

    /// <summary>A gRPC client that calls as the integrator-demo client (client credentials; institution mspbs).</summary>
    public async Task<Proto.ReferralService.ReferralServiceClient> IntegratorClientAsync() =>
        new(Channel().Intercept(new BearerToken(await TokenAsync(null, BoardsRoles.Integrator))));

    /// <summary>How many referrals and ReferralRequested outbox rows this host's database holds.</summary>
    public Task<(int Referrals, int Requested)> CountWrittenAsync() =>
        InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<ReferralsDbContext>();
            return (await db.Referrals.CountAsync(),
                await db.Set<OutboxMessage>().CountAsync(m => m.MessageType.Contains("ReferralRequested")));
        });
}

/// <summary>The batch tests and the measurement share one host and run one after the other, so timings are not disturbed.</summary>
[CollectionDefinition(Name)]
public sealed class BatchCollection : ICollectionFixture<BatchHost>
{
    public const string Name = "batch";
}
