using Boards.Needs.Features.CastBallot;
using Boards.ServiceDefaults.Discovery;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Boards.Needs.Tests.Features;

/// <summary>
/// Membership's ListMembers client as AddBoardRoster registers it: a service-discovery name (what the AppHost gives it)
/// is handed to gRPC's balancer, a literal URL stays one server. How the balancer then behaves with real servers:
/// BuildingBlocks.Tests, Discovery/.
/// </summary>
public sealed class RosterClientAddressTests
{
    private static GrpcClientFactoryOptions Registered(string address)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Needs:Membership:Address"] = address }).Build());
        services.AddBoardRoster();
        return services.BuildServiceProvider().GetRequiredService<IOptionsMonitor<GrpcClientFactoryOptions>>().Get(GrpcBoardService.ClientName);
    }

    [Fact]
    public void A_service_discovery_name_is_balanced_per_call()
    {
        Assert.Equal(new Uri($"{ServiceDiscoveryResolverFactory.Scheme}://_grpc.membership"), Registered("http://_grpc.membership").Address);
    }

    [Fact]
    public void A_literal_url_is_one_server()
    {
        Assert.Equal(new Uri("http://127.0.0.1:5122"), Registered("http://127.0.0.1:5122").Address);
    }
}
