using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;

namespace Boards.ServiceDefaults.Discovery;

/// <summary>
/// A Kubernetes Service with a cluster address is one name and one address: every connection to it is pinned to the pod
/// it happened to reach. A headless Service's name resolves to every ready pod instead. This provider runs after the
/// configuration provider and replaces each configured endpoint whose host is a name by one endpoint per address, so
/// the gateway's YARP destinations and the balanced gRPC clients (<see cref="BalancedGrpcClient"/>) see every pod.
/// Off unless <see cref="HostNameExpansionOptions.Expand"/> is set: locally the AppHost configures every endpoint.
/// </summary>
public sealed class HostNameExpansionProviderFactory(
    IOptions<HostNameExpansionOptions> options, HostAddressLookup lookup, ILogger<HostNameExpansionProviderFactory> logger)
    : IServiceEndpointProviderFactory
{
    public bool TryCreateProvider(ServiceEndpointQuery query, [NotNullWhen(true)] out IServiceEndpointProvider? provider)
    {
        var settings = options.Value;
        provider = settings.Expand ? new HostNameExpansionProvider(query.ServiceName, settings.RefreshPeriod, lookup, logger) : null;
        return provider is not null;
    }
}

internal sealed partial class HostNameExpansionProvider(string serviceName, TimeSpan refreshPeriod, HostAddressLookup lookup, ILogger logger)
    : IServiceEndpointProvider
{
    public async ValueTask PopulateAsync(IServiceEndpointBuilder endpoints, CancellationToken cancellationToken)
    {
        if (!endpoints.Endpoints.Any(e => HostNameOf(e.EndPoint) is not null))
        {
            return;
        }

        // Looked up again after the period whatever the answer, since pods come and go. The token fires on its own timer,
        // so whoever holds it (YARP, a gRPC channel) hears of it even after service discovery has let this provider go.
        endpoints.AddChangeToken(new CancellationChangeToken(new CancellationTokenSource(refreshPeriod).Token));

        var expanded = new List<ServiceEndpoint>(endpoints.Endpoints.Count);
        foreach (var endpoint in endpoints.Endpoints)
        {
            expanded.AddRange(await ExpandAsync(endpoint, cancellationToken));
        }

        endpoints.Endpoints.Clear();
        foreach (var endpoint in expanded)
        {
            endpoints.Endpoints.Add(endpoint);
        }
    }

    public ValueTask DisposeAsync() => default;

    public override string ToString() => "Host names";

    private async Task<IEnumerable<ServiceEndpoint>> ExpandAsync(ServiceEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (HostNameOf(endpoint.EndPoint) is not { } hostName)
        {
            return [endpoint];
        }

        IPAddress[] addresses;
        try
        {
            addresses = await lookup(hostName, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The name stays: a call to it then fails (Unavailable) as it would without this provider.
            LogLookupFailed(logger, exception, hostName, serviceName);
            return [endpoint];
        }

        if (addresses.Length == 0)
        {
            LogNoAddresses(logger, hostName, serviceName);
            return [endpoint];
        }

        return addresses.Distinct().OrderBy(a => a.ToString(), StringComparer.Ordinal)
            .Select(address => ServiceEndpoint.Create(WithAddress(endpoint.EndPoint, address), endpoint.Features));
    }

    private static string? HostNameOf(EndPoint endPoint) => endPoint switch
    {
        UriEndPoint { Uri: { HostNameType: UriHostNameType.Dns } uri } => uri.IdnHost,
        DnsEndPoint dns when !IPAddress.TryParse(dns.Host, out _) => dns.Host,
        _ => null,
    };

    private static EndPoint WithAddress(EndPoint endPoint, IPAddress address) => endPoint switch
    {
        UriEndPoint { Uri: var uri } => new UriEndPoint(new UriBuilder(uri) { Host = address.ToString() }.Uri),
        DnsEndPoint dns => new IPEndPoint(address, dns.Port),
        _ => throw new ArgumentOutOfRangeException(nameof(endPoint), endPoint, "Only endpoints with a host name are expanded."),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look up {HostName} for service {ServiceName}; the name is used as it is")]
    private static partial void LogLookupFailed(ILogger logger, Exception exception, string hostName, string serviceName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{HostName} for service {ServiceName} has no addresses (no ready pod?); the name is used as it is")]
    private static partial void LogNoAddresses(ILogger logger, string hostName, string serviceName);
}
