using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Boards.ServiceDefaults.Http;

/// <summary>
/// Behind an ingress the connection comes from the proxy: the client's address and scheme arrive in X-Forwarded-For and
/// X-Forwarded-Proto. They are believed only from trusted proxies: loopback always, plus the networks and addresses in
/// section <c>ForwardedHeaders</c> (<c>KnownNetworks</c> in CIDR notation, <c>KnownProxies</c>, <c>ForwardLimit</c>).
/// Then the OIDC redirect URI and the Secure cookies follow the scheme the person used, and per-address rate limits
/// count the person, not the proxy.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static IHostApplicationBuilder AddBoardsForwardedHeaders(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var networks = (section.GetSection("KnownNetworks").Get<string[]>() ?? []).Select(ParseNetwork).ToList();
        var proxies = (section.GetSection("KnownProxies").Get<string[]>() ?? []).Select(ParseAddress).ToList();
        var limit = section.GetValue("ForwardLimit", 1);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = limit;
            networks.ForEach(options.KnownIPNetworks.Add);
            proxies.ForEach(options.KnownProxies.Add);
        });
        return builder;
    }

    /// <summary>First in the pipeline, before anything reads the address or the scheme.</summary>
    public static IApplicationBuilder UseBoardsForwardedHeaders(this IApplicationBuilder app) => app.UseForwardedHeaders();

    private static System.Net.IPNetwork ParseNetwork(string value) =>
        System.Net.IPNetwork.TryParse(value, out var network)
            ? network
            : throw new InvalidOperationException($"{Section}:KnownNetworks: '{value}' is not a network in CIDR notation (for example 10.0.0.0/8).");

    private static IPAddress ParseAddress(string value) =>
        IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException($"{Section}:KnownProxies: '{value}' is not an IP address.");
}
