using System.Net;
using Boards.ServiceDefaults.Discovery;

namespace Boards.BuildingBlocks.Tests.Discovery;

/// <summary>
/// The shape of a Kubernetes headless Service on one machine: two REAL gRPC servers on the same port of two loopback
/// addresses (127.0.0.1 and 127.0.0.2, as two pods), one name that resolves to both, and the client configured with that
/// name (services:echo:grpc:0) and host names expanded. Calls spread over both; when the name stops answering with one
/// of them (a pod no longer ready), the client stops calling it, though it still runs.
/// </summary>
public sealed class HeadlessServiceTests : IAsyncLifetime
{
    private const string HostName = "echo-grpc.boards.svc.cluster.local";
    private const int Calls = 20;

    private readonly DnsAnswers _dns = new();
    private EchoServer _a = null!;
    private EchoServer _b = null!;

    public async Task InitializeAsync()
    {
        _a = await EchoServer.StartAsync("a", IPAddress.Parse("127.0.0.1"));
        _b = await EchoServer.StartAsync("b", IPAddress.Parse("127.0.0.2"), _a.Port);
        _dns.Records[HostName] = [IPAddress.Parse("127.0.0.1"), IPAddress.Parse("127.0.0.2")];
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task Calls_spread_over_every_address_of_the_name_and_follow_it_when_it_changes()
    {
        using var client = new EchoClientHost(new Dictionary<string, string?>
        {
            ["Echo:Address"] = "http://_grpc.echo",
            ["services:echo:grpc:0"] = $"http://{HostName}:{_a.Port}",
            ["ServiceDiscovery:HostNames:Expand"] = "true",
            ["ServiceDiscovery:HostNames:RefreshPeriod"] = "00:00:01",
        }, new HostAddressLookup(_dns.LookupAsync));

        var before = await client.CallManyAsync(Calls);

        Assert.Equal(Calls, before.GetValueOrDefault("a") + before.GetValueOrDefault("b"));
        Assert.True(before.GetValueOrDefault("a") >= Calls / 4 && before.GetValueOrDefault("b") >= Calls / 4,
            string.Join(", ", before.Select(a => $"{a.Key}={a.Value}")));

        _dns.Records[HostName] = [IPAddress.Parse("127.0.0.2")];

        await Eventually.HoldsAsync(async () => (await client.CallManyAsync(4)).Keys.SequenceEqual(["b"]), TimeSpan.FromSeconds(15),
            "calls only to b once the name no longer answers with a");
        var callsToA = _a.Calls;
        Assert.Equal(new Dictionary<string, int> { ["b"] = Calls }, await client.CallManyAsync(Calls));
        Assert.Equal(callsToA, _a.Calls);
        Assert.True(_a.Running);
    }
}
