using Boards.Needs.Contracts.Grpc;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Options;

namespace Boards.Referrals.Features.ServiceAvailability;

/// <summary>
/// The one gRPC channel to the needs service's offer catalog, built from the named client's own settings (its address,
/// the balancer of a service-discovery name, its handler pipeline), so that its connectivity can be asked: a cached
/// answer is used only while a needs replica is connected, and a stopped needs is noticed by the very next referral.
/// </summary>
public sealed class NeedsCatalogChannel : IDisposable
{
    private readonly Lazy<GrpcChannel?> _channel;

    public NeedsCatalogChannel(IServiceProvider services, IOptionsMonitor<GrpcClientFactoryOptions> clients, IHttpMessageHandlerFactory handlers,
        ILoggerFactory loggers, IOptions<NeedsOptions> needs)
    {
        _channel = new Lazy<GrpcChannel?>(() =>
        {
            if (string.IsNullOrWhiteSpace(needs.Value.Address) || clients.Get(GrpcOfferCatalog.ClientName).Address is not { } address)
            {
                return null;
            }

            var options = new GrpcChannelOptions
            {
                HttpHandler = handlers.CreateHandler(GrpcOfferCatalog.ClientName),
                ServiceProvider = services,
                LoggerFactory = loggers,
            };
            foreach (var configure in clients.Get(GrpcOfferCatalog.ClientName).ChannelOptionsActions)
            {
                configure(options);
            }

            return GrpcChannel.ForAddress(address, options);
        });
    }

    /// <summary>Null when no needs address is configured.</summary>
    public OfferCatalog.OfferCatalogClient? Client => _channel.Value is { } channel ? new OfferCatalog.OfferCatalogClient(channel) : null;

    /// <summary>True while the channel has a connection to a needs replica that answers (HTTP/2 established).</summary>
    public bool IsConnected
    {
        get
        {
            try
            {
                return _channel.Value?.State == ConnectivityState.Ready;
            }
            catch (InvalidOperationException)
            {
                // A transport without connectivity tracking: nobody can tell, so nothing cached is trusted.
                return false;
            }
        }
    }

    public void Dispose()
    {
        if (_channel.IsValueCreated)
        {
            _channel.Value?.Dispose();
        }
    }
}
