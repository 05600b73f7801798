using System.Net;

namespace Boards.ServiceDefaults.Discovery;

/// <summary>
/// Section <c>ServiceDiscovery:HostNames</c>. With <see cref="Expand"/> on, each endpoint configured under
/// <c>services:{name}:{endpoint}</c> whose host is a name (a Kubernetes headless Service, say) is replaced by one endpoint
/// per address that name resolves to (every ready pod), looked up again every <see cref="RefreshPeriod"/>.
/// </summary>
public sealed class HostNameExpansionOptions
{
    public const string Section = "ServiceDiscovery:HostNames";

    public bool Expand { get; set; }

    public TimeSpan RefreshPeriod { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>The A and AAAA records of a host name; <see cref="Dns.GetHostAddressesAsync(string, CancellationToken)"/> unless a test says otherwise.</summary>
public delegate Task<IPAddress[]> HostAddressLookup(string hostName, CancellationToken cancellationToken);
