namespace Boards.Referrals.Tests.Integration;

/// <summary>The benchmark's gRPC echo is served only where Benchmark:Echo asks for it, never by default.</summary>
[Collection(BatchCollection.Name)]
public sealed class BenchmarkEchoTests(BatchHost host)
{
    private static readonly Method<byte[], byte[]> Echo = new(
        MethodType.Unary, "boards.bench.v1.Echo", "Echo", Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));

    [Fact]
    public async Task Without_the_setting_the_echo_does_not_exist()
    {
        var headers = new Metadata { { "authorization", "Bearer " + await host.TokenAsync(null, BoardsRoles.MinistryAdmin) } };

        var call = host.Channel().CreateCallInvoker().AsyncUnaryCall(Echo, null, new CallOptions(headers), []);
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }
}
