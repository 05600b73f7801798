using System.Net;
using Boards.ServiceDefaults.Discovery;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy;

namespace Boards.Gateway.Tests;

/// <summary>
/// In Kubernetes a service's gRPC endpoint is a headless Service: one name, one address per ready pod. With host names
/// expanded (ServiceDiscovery:HostNames:Expand) the gateway's cluster gets one YARP destination per pod, which YARP
/// balances per request, and the destinations follow the name as pods come and go. The cluster DNS is played by a
/// lookup that answers what the test says.
/// </summary>
public sealed class HeadlessDestinationsTests
{
    private const string HeadlessName = "referrals-grpc.boards.svc.cluster.local";

    private volatile IPAddress[] _pods = [IPAddress.Parse("10.1.0.7"), IPAddress.Parse("10.1.0.8")];

    private GatewayHost Gateway(bool expand) => new(
        new Dictionary<string, string>
        {
            ["ServiceDiscovery:HostNames:Expand"] = expand ? "true" : "false",
            ["ServiceDiscovery:HostNames:RefreshPeriod"] = "00:00:01",
            ["services:referrals:grpc:0"] = $"http://{HeadlessName}:5102",
        },
        services => services.AddSingleton(new HostAddressLookup((name, _) =>
            name == HeadlessName ? Task.FromResult(_pods) : Task.FromException<IPAddress[]>(new InvalidOperationException(name)))));

    private static string[] Destinations(GatewayHost gateway)
    {
        Assert.True(gateway.Services.GetRequiredService<IProxyStateLookup>().TryGetCluster("referrals-grpc", out var cluster));
        return [.. cluster.Model.Config.Destinations!.Values.Select(d => d.Address).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task Each_pod_of_the_headless_name_is_a_destination_and_they_follow_the_name()
    {
        await using var gateway = Gateway(expand: true);
        _ = gateway.Server;

        Assert.Equal(["http://10.1.0.7:5102/", "http://10.1.0.8:5102/"], Destinations(gateway));

        _pods = [IPAddress.Parse("10.1.0.8"), IPAddress.Parse("10.1.0.9")];

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!Destinations(gateway).SequenceEqual(["http://10.1.0.8:5102/", "http://10.1.0.9:5102/"]) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(["http://10.1.0.8:5102/", "http://10.1.0.9:5102/"], Destinations(gateway));
    }

    [Fact]
    public async Task Without_expansion_the_name_is_one_destination()
    {
        // Control: what a Service name gives YARP today, one destination, hence one pod per connection.
        await using var gateway = Gateway(expand: false);
        _ = gateway.Server;

        Assert.Equal([$"http://{HeadlessName}:5102/"], Destinations(gateway));
    }
}
