using System.Net;
using Boards.BuildingBlocks.Api.Grpc;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Boards.BuildingBlocks.Tests.Discovery;

/// <summary>
/// A real gRPC server (Kestrel, HTTP/2 cleartext like the services' gRPC endpoints) on a loopback address, serving the
/// BuildingBlocks echo contract: it answers with its own name, so a test sees which replica took each call.
/// </summary>
public sealed class EchoServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _calls;

    private EchoServer(string name, WebApplication app, IPAddress address, int port)
    {
        Name = name;
        _app = app;
        Port = port;
        Url = new UriBuilder(Uri.UriSchemeHttp, address.ToString(), port).Uri.ToString().TrimEnd('/');
    }

    public string Name { get; }

    public int Port { get; }

    /// <summary>http://address:port, as the AppHost writes an endpoint into services:{name}:{endpoint}:{i}.</summary>
    public string Url { get; }

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Every call is answered Unavailable (an overloaded or stopping replica).</summary>
    public bool RefuseCalls { get; set; }

    public bool Running { get; private set; } = true;

    /// <summary>Listens on <paramref name="address"/>:<paramref name="port"/> (0: a free port).</summary>
    public static async Task<EchoServer> StartAsync(string name, IPAddress address, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var state = new Holder();
        builder.Services.AddSingleton(state);
        var app = builder.Build();
        app.MapGrpcService<NamedEcho>();
        await app.StartAsync();
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        var server = new EchoServer(name, app, address, bound.Port);
        state.Server = server;
        return server;
    }

    public async Task StopAsync()
    {
        Running = false;
        await _app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Running)
        {
            await StopAsync();
        }

        await _app.DisposeAsync();
    }

    private sealed class Holder
    {
        public EchoServer? Server { get; set; }
    }

    private sealed class NamedEcho(Holder holder) : Echo.EchoBase
    {
        public override Task<EchoMessage> Echo(EchoMessage request, ServerCallContext context)
        {
            var server = holder.Server!;
            Interlocked.Increment(ref server._calls);
            if (server.RefuseCalls)
            {
                throw new RpcException(new Status(StatusCode.Unavailable, $"{server.Name} refuses"));
            }

            return Task.FromResult(new EchoMessage { Payload = server.Name });
        }
    }
}
