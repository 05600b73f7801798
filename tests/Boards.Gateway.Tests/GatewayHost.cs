using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Gateway.Tests;

/// <summary>
/// The gateway in-process, exactly as Program.cs builds it, with a bucket of 3 requests refilled at 1 per second and an
/// identity authority where nothing listens. Requests without a token never need the authority: the bearer handler
/// finds no token and the fallback policy answers 401. Nothing runs behind the gateway either.
/// </summary>
public sealed class GatewayHost(IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public const int Burst = 3;

    /// <summary>Port 9 (discard) on loopback: a connection there is refused at once, so a call to it would fail loudly.</summary>
    public const string UnreachableAuthority = "http://127.0.0.1:9/realms/boards";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Gateway:RateLimit:PermitsPerSecond", "1");
        builder.UseSetting("Gateway:RateLimit:Burst", Burst.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Identity:Authority", UnreachableAuthority);
        builder.UseSetting("Identity:RequireHttpsMetadata", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    /// <summary>A client whose requests reach the gateway from <paramref name="remoteAddress"/>, as Kestrel would report it.</summary>
    public HttpClient ClientFrom(string remoteAddress)
    {
        var address = IPAddress.Parse(remoteAddress);
        var handler = Server.CreateHandler(context => context.Connection.RemoteIpAddress = address);
        return new HttpClient(handler) { BaseAddress = Server.BaseAddress };
    }

    /// <summary>
    /// Sends <paramref name="request"/> until the first 429 (at most <paramref name="limit"/> times) and returns every
    /// response status in order, plus the 429 itself (null if it never came).
    /// </summary>
    public static async Task<(List<HttpStatusCode> Before, HttpResponseMessage? Rejected)> SendUntilRejectedAsync(
        HttpClient client, Func<HttpRequestMessage> request, int limit = 20)
    {
        var before = new List<HttpStatusCode>();
        for (var i = 0; i < limit; i++)
        {
            var response = await client.SendAsync(request());
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return (before, response);
            }

            before.Add(response.StatusCode);
            response.Dispose();
        }

        return (before, null);
    }

    public static Func<HttpRequestMessage> Get(string path) => () => new HttpRequestMessage(HttpMethod.Get, path);
}
