namespace Boards.ServiceDays.Tests.Integration;

/// <summary>
/// Where the ServiceDays gRPC client's calls to Referrals really go. Reachable: the in-process referrals service's
/// TestServer. Unreachable: a real socket to a closed local port, so the failure is a genuine connection refusal.
/// </summary>
public sealed class ReferralsLink(HttpMessageHandler referralsServer) : IDisposable
{
    /// <summary>Port 9 (discard) on loopback: nothing listens there on these machines.</summary>
    public const string ClosedPortAddress = "http://127.0.0.1:9";

    private readonly HttpMessageInvoker _server = new(new ResponseVersionHandler { InnerHandler = referralsServer });
    private readonly HttpMessageInvoker _closedPort = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) });

    public bool Reachable { get; set; } = true;

    /// <summary>A handler for the HTTP client factory; it may dispose it, the shared invokers stay.</summary>
    public HttpMessageHandler NewHandler() => new Switch(this);

    public void Dispose()
    {
        _server.Dispose();
        _closedPort.Dispose();
    }

    private sealed class Switch(ReferralsLink link) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            (link.Reachable ? link._server : link._closedPort).SendAsync(request, cancellationToken);
    }

    /// <summary>TestServer answers HTTP/1.1; the gRPC client insists on the request's HTTP/2.</summary>
    private sealed class ResponseVersionHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            response.Version = request.Version;
            return response;
        }
    }
}
