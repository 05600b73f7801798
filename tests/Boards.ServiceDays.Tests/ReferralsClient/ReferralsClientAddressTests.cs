using Boards.ServiceDefaults.Discovery;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Boards.ServiceDays.Tests.ReferralsClient;

/// <summary>
/// The CreateReferral client as AddReferralSender registers it: a service-discovery name (what the AppHost gives it) is
/// handed to gRPC's balancer, a literal URL stays one server (what the integration tests give it). How the balancer
/// then behaves with real servers: BuildingBlocks.Tests, Discovery/.
/// </summary>
public sealed class ReferralsClientAddressTests
{
    private static GrpcClientFactoryOptions Registered(string address)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["ServiceDays:Referrals:Address"] = address }).Build());
        services.AddReferralSender();
        return services.BuildServiceProvider().GetRequiredService<IOptionsMonitor<GrpcClientFactoryOptions>>().Get(GrpcReferralService.ClientName);
    }

    [Fact]
    public void A_service_discovery_name_is_balanced_per_call()
    {
        Assert.Equal(new Uri($"{ServiceDiscoveryResolverFactory.Scheme}://_grpc.referrals"), Registered("http://_grpc.referrals").Address);
    }

    [Fact]
    public void A_literal_url_is_one_server()
    {
        Assert.Equal(new Uri("http://127.0.0.1:5102"), Registered("http://127.0.0.1:5102").Address);
    }
}
