using Grpc.Core;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Boards.ServiceDefaults.Discovery;

public static class BalancedGrpcClient
{
    /// <summary>
    /// Service discovery sets this on every HttpClient's handler to switch gRPC's balancer off, because its own handler
    /// rewrites each request's address. A balanced client takes its addresses from service discovery itself, so it turns
    /// the balancer back on; the handler then sees the address already picked and passes it through.
    /// </summary>
    private const string BalancingDisabledProperty = "__GrpcLoadBalancingDisabled";

    /// <summary>
    /// A call while no replica is connected fails at once and does not make gRPC try again sooner, so the wait between
    /// connection attempts (1 s, growing) is what a caller waits for a replica that came back. gRPC lets it grow to 2 min;
    /// a few seconds keeps recovery close to what it was when every call opened its own connection.
    /// </summary>
    private static readonly TimeSpan MaxReconnectBackoff = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A gRPC client whose address is a service-discovery name (<c>http://_grpc.needs</c>: every endpoint in
    /// <c>services:needs:grpc</c>, host names expanded) gets gRPC's round-robin balancer: a connection to each endpoint,
    /// each call on the next one that is connected, so calls spread over the replicas and skip one that has stopped.
    /// It still makes one attempt per call (no retry policy). A literal URL keeps one server, as before.
    /// </summary>
    public static IHttpClientBuilder BalancedPerCall(this IHttpClientBuilder builder)
    {
        builder.Services.AddServiceDiscoveryCore();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ResolverFactory, ServiceDiscoveryResolverFactory>());
        builder.Services.AddOptions<GrpcClientFactoryOptions>(builder.Name).PostConfigure(options =>
        {
            if (options.Address is not { } address || !IsServiceDiscoveryName(address))
            {
                return;
            }

            var secure = address.Scheme == Uri.UriSchemeHttps;
            options.Address = new Uri($"{ServiceDiscoveryResolverFactory.Scheme}://{address.Authority}");
            options.ChannelOptionsActions.Add(channel =>
            {
                channel.Credentials = secure ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure;
                channel.ServiceConfig = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } };
                channel.MaxReconnectBackoff = MaxReconnectBackoff;
                for (var handler = channel.HttpHandler; handler is not null; handler = (handler as DelegatingHandler)?.InnerHandler)
                {
                    if (handler is SocketsHttpHandler sockets)
                    {
                        sockets.Properties.Remove(BalancingDisabledProperty);
                    }
                }
            });
        });
        return builder;
    }

    /// <summary>Service discovery's <c>_endpoint.service</c> form, e.g. <c>http://_grpc.needs</c>.</summary>
    public static bool IsServiceDiscoveryName(Uri address) =>
        address.Scheme is "http" or "https" && address.Host.StartsWith('_') && address.Host.IndexOf('.', StringComparison.Ordinal) > 1;
}
