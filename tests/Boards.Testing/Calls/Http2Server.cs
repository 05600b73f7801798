using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Testing.Calls;

/// <summary>
/// A service started on Kestrel with one HTTP/2 cleartext endpoint on a free loopback port, as a service's gRPC endpoint
/// runs: what a gRPC client then sees (deadlines, resets, trailers) is the real transport's, not a TestServer's.
/// </summary>
public static class Http2Server
{
    /// <summary>Starts the service (for <see cref="ServiceTestHost{TProgram}"/>'s Start) and returns its address.</summary>
    public static string Start<TProgram>(WebApplicationFactory<TProgram> factory)
        where TProgram : class
    {
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        factory.StartServer();
        return factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
    }

    /// <summary>An HTTP/2 (prior knowledge) client of that address, for REST, with the bearer token when given.</summary>
    public static HttpClient Client(string address, string? token)
    {
        var client = new HttpClient
        {
            BaseAddress = new Uri(address),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}
