using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.ServiceDiscovery;

namespace Boards.ServiceDefaults.Discovery;

public static class DiscoveryExtensions
{
    /// <summary>
    /// Service discovery from configuration (<c>services:{name}:{endpoint}:{i}</c>, as the AppHost's WithReference writes
    /// it), then each configured host name expanded to its addresses when <see cref="HostNameExpansionOptions"/> says so.
    /// </summary>
    public static IServiceCollection AddBoardsServiceDiscovery(this IServiceCollection services)
    {
        // The configuration provider first: the expansion works on what it found (the pass-through provider is always last).
        services.AddServiceDiscovery();
        services.AddOptions<HostNameExpansionOptions>().BindConfiguration(HostNameExpansionOptions.Section);
        services.TryAddSingleton(new HostAddressLookup(Dns.GetHostAddressesAsync));
        services.AddSingleton<IServiceEndpointProviderFactory, HostNameExpansionProviderFactory>();
        return services;
    }
}
