using System.Net;
using Grpc.Core;
using Grpc.Net.Client.Balancer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.ServiceDiscovery;

namespace Boards.ServiceDefaults.Discovery;

/// <summary>
/// gRPC's resolver for addresses <c>discovery://_grpc.needs</c>: the endpoints service discovery knows for
/// <c>_grpc.needs</c> (configuration, host names expanded), handed to the channel's balancer.
/// </summary>
public sealed class ServiceDiscoveryResolverFactory(ServiceEndpointResolver endpoints) : ResolverFactory
{
    public const string Scheme = "discovery";

    public override string Name => Scheme;

    public override Resolver Create(ResolverOptions options) => new ServiceDiscoveryResolver(
        options.Address.Authority, options.DefaultPort, endpoints, options.LoggerFactory.CreateLogger<ServiceDiscoveryResolver>());
}

/// <summary>
/// Asks service discovery when the channel asks (at start, and when a connection fails) and again whenever service
/// discovery's answer changes (configuration reloaded, host names looked up again). One resolution at a time: a wake-up
/// that comes during one is kept for the next.
/// </summary>
internal sealed partial class ServiceDiscoveryResolver(string serviceName, int defaultPort, ServiceEndpointResolver endpoints, ILogger logger)
    : Resolver
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private Action<ResolverResult> _listener = _ => { };

    public override void Start(Action<ResolverResult> listener)
    {
        _listener = listener;
        _ = Task.Run(ResolveWhenWokenAsync);
    }

    public override void Refresh() => Wake();

    protected override void Dispose(bool disposing)
    {
        _stop.Cancel();
        base.Dispose(disposing);
    }

    private void Wake()
    {
        lock (_wake)
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
    }

    private async Task ResolveWhenWokenAsync()
    {
        IDisposable? nextWake = null;
        try
        {
            while (true)
            {
                await _wake.WaitAsync(_stop.Token);
                nextWake?.Dispose();
                nextWake = await ResolveAsync();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        finally
        {
            nextWake?.Dispose();
        }
    }

    /// <summary>Tells the channel what service discovery knows; returns what wakes this resolver next.</summary>
    private async Task<IDisposable> ResolveAsync()
    {
        try
        {
            var source = await endpoints.GetEndpointsAsync(serviceName, _stop.Token);
            var addresses = source.Endpoints.Select(ToAddress).ToArray();
            _listener(addresses.Length > 0
                ? ResolverResult.ForResult(addresses)
                : ResolverResult.ForFailure(new Status(StatusCode.Unavailable, $"Service discovery knows no endpoint of '{serviceName}'.")));
            return source.ChangeToken.RegisterChangeCallback(static state => ((ServiceDiscoveryResolver)state!).Wake(), this);
        }
        catch (Exception exception) when (!_stop.IsCancellationRequested)
        {
            LogResolveFailed(logger, exception, serviceName);
            _listener(ResolverResult.ForFailure(new Status(StatusCode.Unavailable, $"Service discovery could not resolve '{serviceName}'.", exception)));
            return new Timer(static state => ((ServiceDiscoveryResolver)state!).Wake(), this, RetryAfterFailure, Timeout.InfiniteTimeSpan);
        }
    }

    private BalancerAddress ToAddress(ServiceEndpoint endpoint) => endpoint.EndPoint switch
    {
        // IdnHost: an IPv6 address without its brackets, as a socket wants it.
        UriEndPoint { Uri: var uri } => new BalancerAddress(uri.IdnHost, uri.Port > 0 ? uri.Port : defaultPort),
        IPEndPoint ip => new BalancerAddress(ip.Address.ToString(), ip.Port > 0 ? ip.Port : defaultPort),
        DnsEndPoint dns => new BalancerAddress(dns.Host, dns.Port > 0 ? dns.Port : defaultPort),
        var other => throw new InvalidOperationException($"Endpoint '{other}' of '{serviceName}' is neither a URL nor a host and port."),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service discovery could not resolve {ServiceName} for a gRPC channel; calls fail as Unavailable until it can")]
    private static partial void LogResolveFailed(ILogger logger, Exception exception, string serviceName);
}
