using System.Net;
using Boards.ServiceDefaults.Discovery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.ServiceDiscovery;

namespace Boards.BuildingBlocks.Tests.Discovery;

/// <summary>
/// The host-name expansion (ServiceDiscovery:HostNames): a configured endpoint whose host is a name becomes one endpoint
/// per address of that name (a headless Service: every ready pod), looked up again after the refresh period.
/// </summary>
public sealed class HostNameExpansionTests
{
    private static ServiceProvider Discovery(Dictionary<string, string?> settings, DnsAnswers? answers = null)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddBoardsServiceDiscovery();
        if (answers is not null)
        {
            services.AddSingleton(new HostAddressLookup(answers.LookupAsync));
        }

        return services.BuildServiceProvider();
    }

    private static async Task<string[]> EndpointsAsync(ServiceProvider discovery, string name = "http://_grpc.needs") =>
        [.. (await discovery.GetRequiredService<ServiceEndpointResolver>().GetEndpointsAsync(name, CancellationToken.None))
            .Endpoints.Select(e => e.ToString()!)];

    private static Dictionary<string, string?> Expanding(string endpoint, string refreshPeriod = "00:00:10") => new()
    {
        ["ServiceDiscovery:HostNames:Expand"] = "true",
        ["ServiceDiscovery:HostNames:RefreshPeriod"] = refreshPeriod,
        ["services:needs:grpc:0"] = endpoint,
    };

    [Fact]
    public async Task Localhost_becomes_its_loopback_addresses_with_the_scheme_and_port_kept()
    {
        await using var discovery = Discovery(Expanding("http://localhost:5132"));

        var endpoints = await EndpointsAsync(discovery);

        Assert.Contains("http://127.0.0.1:5132/", endpoints);
        Assert.All(endpoints, endpoint =>
        {
            var uri = new Uri(endpoint);
            Assert.Equal(("http", 5132), (uri.Scheme, uri.Port));
            Assert.True(IPAddress.IsLoopback(IPAddress.Parse(uri.IdnHost)), endpoint);
        });
    }

    [Fact]
    public async Task A_headless_name_becomes_one_endpoint_per_pod_ipv6_included()
    {
        var answers = new DnsAnswers();
        answers.Records["needs-grpc.boards.svc"] = [IPAddress.Parse("10.1.0.8"), IPAddress.Parse("10.1.0.7"), IPAddress.Parse("fd00::7")];
        await using var discovery = Discovery(Expanding("http://needs-grpc.boards.svc:5132"), answers);

        Assert.Equal(["http://10.1.0.7:5132/", "http://10.1.0.8:5132/", "http://[fd00::7]:5132/"], await EndpointsAsync(discovery));
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_is_kept_as_it_is()
    {
        await using var discovery = Discovery(Expanding("http://nobody.boards.svc:5132"), new DnsAnswers());

        Assert.Equal(["http://nobody.boards.svc:5132/"], await EndpointsAsync(discovery));
    }

    [Fact]
    public async Task An_address_is_not_looked_up()
    {
        var answers = new DnsAnswers();
        await using var discovery = Discovery(Expanding("http://127.0.0.1:5132"), answers);

        Assert.Equal(["http://127.0.0.1:5132/"], await EndpointsAsync(discovery));
        Assert.Equal(0, answers.Questions);
    }

    [Fact]
    public async Task Off_unless_configured()
    {
        var answers = new DnsAnswers();
        answers.Records["needs-grpc.boards.svc"] = [IPAddress.Parse("10.1.0.7")];
        await using var discovery = Discovery(new() { ["services:needs:grpc:0"] = "http://needs-grpc.boards.svc:5132" }, answers);

        Assert.Equal(["http://needs-grpc.boards.svc:5132/"], await EndpointsAsync(discovery));
        Assert.Equal(0, answers.Questions);
    }

    [Fact]
    public async Task Pods_that_come_and_go_are_seen_after_the_refresh_period()
    {
        var answers = new DnsAnswers();
        answers.Records["needs-grpc.boards.svc"] = [IPAddress.Parse("10.1.0.7")];
        await using var discovery = Discovery(Expanding("http://needs-grpc.boards.svc:5132", refreshPeriod: "00:00:01"), answers);
        var resolver = discovery.GetRequiredService<ServiceEndpointResolver>();
        var first = await resolver.GetEndpointsAsync("http://_grpc.needs", CancellationToken.None);
        var changed = new TaskCompletionSource();
        using var registration = first.ChangeToken.RegisterChangeCallback(_ => changed.TrySetResult(), null);

        answers.Records["needs-grpc.boards.svc"] = [IPAddress.Parse("10.1.0.7"), IPAddress.Parse("10.1.0.9")];
        await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["http://10.1.0.7:5132/"], first.Endpoints.Select(e => e.ToString()));
        await Eventually.HoldsAsync(
            async () => (await EndpointsAsync(discovery)).SequenceEqual(["http://10.1.0.7:5132/", "http://10.1.0.9:5132/"]),
            TimeSpan.FromSeconds(10), "the new pod in the endpoints");
    }

    [Fact]
    public async Task Names_outside_the_services_section_pass_through_untouched()
    {
        var answers = new DnsAnswers();
        await using var discovery = Discovery(Expanding("http://needs-grpc.boards.svc:5132"), answers);

        Assert.Equal(["identity:5070"], await EndpointsAsync(discovery, "http://identity:5070"));
        Assert.Equal(0, answers.Questions);
    }
}
