using Boards.Referrals.Features.ServiceAvailability;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Tests.Integration.Watch;

/// <summary>
/// Two replicas of the Referrals service, A and B, in one process as two hosts on the SAME database and the SAME broker
/// (the same shared receive queue, each with its own watch queue and outbox relay), validating real tokens from our
/// identity provider in-process, with a scripted offer catalog. B reaches the broker through a link the tests can cut.
/// </summary>
public sealed class TwoReplicasHost() : ServiceTestHost<Program>("referrals", "referralsdb", "Referrals:ReceiveEndpoint", "referrals-municipalities"), IAsyncLifetime
{
    private WebApplicationFactory<Program>? _replicaB;
    private BrokerLink? _linkOfB;

    public ScriptedAvailability Catalog { get; } = new();

    public WebApplicationFactory<Program> ReplicaA => Factory;

    public WebApplicationFactory<Program> ReplicaB => _replicaB ?? throw new InvalidOperationException("Not started.");

    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Referrals:SeedDemoData", "false");
        web.ConfigureTestServices(services => services.AddSingleton<IServiceAvailability>(Catalog));
    }

    /// <summary>Replica B starts once A has migrated the database, as a second replica of a deployment does.</summary>
    protected override void Started()
    {
        _linkOfB = new BrokerLink(TestRabbitMq.Uri);
        _replicaB = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            UseTestInfrastructure(web, "referralsdb", DatabaseName, "Referrals:ReceiveEndpoint", ReceiveEndpoint);
            web.UseSetting("ConnectionStrings:rabbitmq", _linkOfB.Uri);
            Configure(web);
        });
        _ = _replicaB.Server;
    }

    protected override async Task StoppedAsync()
    {
        if (_replicaB is not null)
        {
            await _replicaB.DisposeAsync();
        }

        if (_linkOfB is not null)
        {
            await _linkOfB.DisposeAsync();
        }
    }

    /// <summary>Resets B's connections to the broker, as a network failure or a broker restart does; B reconnects.</summary>
    public void CutReplicaBFromBroker() => (_linkOfB ?? throw new InvalidOperationException("Not started.")).Cut();

    public static Proto.ReferralService.ReferralServiceClient Client(WebApplicationFactory<Program> replica, string token) =>
        new(replica.CreateGrpcChannel().Intercept(new BearerToken(token)));

    /// <summary>A new referral from mspbs (origin) in <paramref name="municipality"/> to <paramref name="destination"/> in pilar.</summary>
    public static Proto.CreateReferralRequest NewReferral(string municipality = "alto-vera", string destination = "mds")
    {
        var request = BatchRequests.Item("watch", BatchRequests.NewServiceCode()).Referral;
        request.RequestId = $"watch-{Guid.NewGuid():N}";
        request.MunicipalityCode = municipality;
        request.DestinationInstitution = destination;
        return request;
    }
}
