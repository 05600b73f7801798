using System.Net.Sockets;
using Boards.Gateway.Upstream;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Boards.Gateway.Tests;

/// <summary>
/// A replica that refuses connections leaves the rotation at once; other failures leave it where it was (the
/// end-to-end FaultTests kill a replica under load and see the callers move to the other one).
/// </summary>
public sealed class RefusedConnectionHealthPolicyTests
{
    private readonly Recorder _health = new();

    [Fact]
    public void A_refused_connection_takes_the_destination_out_for_the_reactivation_period()
    {
        Proxied(new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused)));

        var (health, period) = Assert.Single(_health.Changes);
        Assert.Equal(DestinationHealth.Unhealthy, health);
        Assert.Equal(RefusedConnectionHealthPolicy.ReactivationPeriod, period);
    }

    [Theory]
    [InlineData(HttpRequestError.ResponseEnded)]
    [InlineData(HttpRequestError.InvalidResponse)]
    public void A_destination_that_answered_badly_stays_in(HttpRequestError error)
    {
        Proxied(new HttpRequestException(error, "bad answer"));
        Assert.Empty(_health.Changes);
    }

    [Fact]
    public void A_caller_that_went_away_says_nothing_about_the_destination()
    {
        using var aborted = new CancellationTokenSource();
        aborted.Cancel();
        Proxied(new HttpRequestException(HttpRequestError.ConnectionError, "refused"), aborted.Token);
        Assert.Empty(_health.Changes);
    }

    [Fact]
    public void A_request_without_error_changes_nothing()
    {
        Proxied(exception: null);
        Assert.Empty(_health.Changes);
    }

    private void Proxied(Exception? exception, CancellationToken requestAborted = default)
    {
        var context = new DefaultHttpContext { RequestAborted = requestAborted };
        if (exception is not null)
        {
            context.Features.Set<IForwarderErrorFeature>(new Failure(ForwarderError.Request, exception));
        }

        using var invoker = new HttpMessageInvoker(new HttpClientHandler());
        var cluster = new ClusterState("referrals", new ClusterModel(new ClusterConfig { ClusterId = "referrals" }, invoker));
        new RefusedConnectionHealthPolicy(_health).RequestProxied(context, cluster, new DestinationState("replica-2"));
    }

    private sealed record Failure(ForwarderError Error, Exception? Exception) : IForwarderErrorFeature;

    private sealed class Recorder : IDestinationHealthUpdater
    {
        public List<(DestinationHealth Health, TimeSpan Period)> Changes { get; } = [];

        public void SetActive(ClusterState cluster, IEnumerable<NewActiveDestinationHealth> newHealthStates) =>
            throw new InvalidOperationException("The passive policy never sets active health.");

        public void SetPassive(ClusterState cluster, DestinationState destination, DestinationHealth newHealth, TimeSpan reactivationPeriod) =>
            Changes.Add((newHealth, reactivationPeriod));
    }
}
