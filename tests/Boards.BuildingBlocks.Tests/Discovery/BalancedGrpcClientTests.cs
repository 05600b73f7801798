using System.Net;
using System.Diagnostics;
using Boards.ServiceDefaults.Discovery;

namespace Boards.BuildingBlocks.Tests.Discovery;

/// <summary>
/// A gRPC client addressed by a service-discovery name (<c>http://_grpc.echo</c>) against two REAL gRPC servers on
/// loopback: each call goes to the next connected replica, a stopped replica gets no more calls, a call is still one
/// attempt, and with every replica down a call fails Unavailable before its deadline.
/// </summary>
public sealed class BalancedGrpcClientTests : IAsyncLifetime
{
    private const int Calls = 20;

    private EchoServer _a = null!;
    private EchoServer _b = null!;

    public async Task InitializeAsync()
    {
        _a = await EchoServer.StartAsync("a", IPAddress.Loopback);
        _b = await EchoServer.StartAsync("b", IPAddress.Loopback);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    /// <summary>As the AppHost's WithReference writes a service scaled to two processes, and the client's address.</summary>
    private Dictionary<string, string?> TwoReplicas() => new()
    {
        ["Echo:Address"] = "http://_grpc.echo",
        ["services:echo:grpc:0"] = _a.Url,
        ["services:echo:grpc:1"] = _b.Url,
    };

    [Fact]
    public async Task Calls_spread_over_both_replicas_and_go_to_the_other_when_one_stops()
    {
        using var client = new EchoClientHost(TwoReplicas());

        var before = await client.CallManyAsync(Calls);

        Assert.Equal(Calls, before.GetValueOrDefault("a") + before.GetValueOrDefault("b"));
        Assert.True(before.GetValueOrDefault("a") >= Calls / 4 && before.GetValueOrDefault("b") >= Calls / 4, Show(before));

        await _a.StopAsync();
        await UntilTheClientHasSeenAGoAsync(client);
        var after = await client.CallManyAsync(Calls);

        Assert.Equal(new Dictionary<string, int> { ["b"] = Calls }, after);
    }

    [Fact]
    public async Task Endpoints_named_localhost_as_the_apphost_writes_them_are_balanced_too()
    {
        using var client = new EchoClientHost(new Dictionary<string, string?>
        {
            ["Echo:Address"] = "http://_grpc.echo",
            ["services:echo:grpc:0"] = $"http://localhost:{_a.Port}",
            ["services:echo:grpc:1"] = $"http://localhost:{_b.Port}",
        });

        var answers = await client.CallManyAsync(Calls);

        Assert.True(answers.GetValueOrDefault("a") >= Calls / 4 && answers.GetValueOrDefault("b") >= Calls / 4, Show(answers));
    }

    [Fact]
    public async Task A_call_is_one_attempt_even_when_another_replica_could_answer()
    {
        _a.RefuseCalls = true;
        using var client = new EchoClientHost(TwoReplicas());

        var answers = await client.CallManyAsync(Calls);

        // Every refusal reached the caller: none was tried again on b.
        Assert.True(answers.GetValueOrDefault("Unavailable") > 0, Show(answers));
        Assert.Equal(_a.Calls, answers.GetValueOrDefault("Unavailable"));
        Assert.Equal(_b.Calls, answers.GetValueOrDefault("b"));
        Assert.Equal(Calls, _a.Calls + _b.Calls);
    }

    [Fact]
    public async Task With_every_replica_down_a_call_fails_unavailable_before_its_deadline()
    {
        await _a.StopAsync();
        await _b.StopAsync();
        using var client = new EchoClientHost(TwoReplicas());
        var watch = Stopwatch.StartNew();

        var answer = await client.CallAsync(deadline: TimeSpan.FromSeconds(10));

        Assert.Equal("Unavailable", answer);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_replica_that_comes_back_gets_calls_again()
    {
        using var client = new EchoClientHost(TwoReplicas());
        await client.CallManyAsync(4);
        var port = _a.Port;
        await _a.DisposeAsync();
        await UntilTheClientHasSeenAGoAsync(client);
        Assert.Equal(new Dictionary<string, int> { ["b"] = Calls }, await client.CallManyAsync(Calls));

        _a = await EchoServer.StartAsync("a", IPAddress.Loopback, port);

        // gRPC reconnects with a backoff (1 s at first): within a few seconds a is used again.
        await Eventually.HoldsAsync(async () => (await client.CallManyAsync(4)).ContainsKey("a"), TimeSpan.FromSeconds(30), "calls reach a again");
    }

    [Fact]
    public async Task A_literal_address_is_one_server_as_before()
    {
        using var client = new EchoClientHost(new Dictionary<string, string?> { ["Echo:Address"] = _b.Url });

        Assert.Equal(new Dictionary<string, int> { ["b"] = Calls }, await client.CallManyAsync(Calls));
    }

    [Theory]
    [InlineData("http://_grpc.needs", true)]
    [InlineData("https://_grpc.needs", true)]
    [InlineData("http://needs", false)]
    [InlineData("http://localhost:5132", false)]
    [InlineData("http://127.0.0.1:9", false)]
    public void Only_the_endpoint_dot_service_form_is_a_service_discovery_name(string address, bool expected)
    {
        Assert.Equal(expected, BalancedGrpcClient.IsServiceDiscoveryName(new Uri(address)));
    }

    /// <summary>
    /// A call the client sent on a's connection while that connection was closing fails Unavailable: the client learns
    /// of the close from the socket a moment after the server stopped. Once two calls in a row reach b, it has.
    /// </summary>
    private static Task UntilTheClientHasSeenAGoAsync(EchoClientHost client) =>
        Eventually.HoldsAsync(
            async () => (await client.CallManyAsync(2)).Keys.SequenceEqual(["b"]),
            TimeSpan.FromSeconds(10),
            "the client stops using a");

    private static string Show(Dictionary<string, int> answers) => string.Join(", ", answers.Select(a => $"{a.Key}={a.Value}"));
}
