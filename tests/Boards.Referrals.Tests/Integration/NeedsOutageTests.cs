using System.Diagnostics;
using System.Net.Sockets;
using Boards.Referrals.Features.CreateReferral;
using Boards.Referrals.Features.ServiceAvailability;
using Microsoft.AspNetCore.Hosting;

namespace Boards.Referrals.Tests.Integration;

/// <summary>Referrals configured with a needs address on a loopback port where nothing listens.</summary>
public sealed class ClosedPortNeedsHost : ReferralsHost
{
    protected override void ConfigureWebHost(IWebHostBuilder web)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        web.UseSetting("Referrals:Needs:Address", $"http://127.0.0.1:{port}");
    }
}

/// <summary>
/// Referrals configured with a needs address on a real TCP listener that accepts connections and then either never
/// answers (a hung service) or closes them at once; it counts the connections, so a retry would show.
/// </summary>
public sealed class SilentNeedsHost : ReferralsHost
{
    public const double DeadlineSeconds = 3;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _held = [];
    private int _accepted;

    public bool CloseAtOnce { get; set; }

    public int Accepted => Volatile.Read(ref _accepted);

    protected override void ConfigureWebHost(IWebHostBuilder web)
    {
        _listener.Start();
        _ = AcceptLoopAsync();
        web.UseSetting("Referrals:Needs:Address", $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        web.UseSetting("Referrals:Needs:TimeoutSeconds", DeadlineSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Closes the connections held open, so that the client's pool starts afresh.</summary>
    public void DropHeldConnections()
    {
        lock (_held)
        {
            _held.ForEach(c => c.Dispose());
            _held.Clear();
        }
    }

    public override async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        DropHeldConnections();
        await base.DisposeAsync();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            if (CloseAtOnce)
            {
                client.Client.Close(0);
                client.Dispose();
            }
            else
            {
                lock (_held)
                {
                    _held.Add(client);
                }
            }
        }
    }
}

/// <summary>When the needs service cannot answer, the referral is still created, marked not verified: never a failure.</summary>
public sealed class ClosedPortNeedsTests(ClosedPortNeedsHost host) : IClassFixture<ClosedPortNeedsHost>
{
    [Fact]
    public async Task With_nothing_listening_the_referral_is_created_not_verified()
    {
        var command = TestReferralRequests.New();

        var created = await host.InScopeAsync(services =>
            services.GetRequiredService<CreateReferralHandler>().HandleAsync(command, TestReferralRequests.MdsOfficer, CancellationToken.None));

        Assert.False(created.Replayed);
        Assert.Equal(ReferralStatus.Requested, created.Referral.Status);
        var availability = created.Referral.Availability!;
        Assert.Equal((AvailabilityVerification.NotVerified, null, false), (availability.Verification, availability.CapacityStatus, availability.Waitlisted));
        Assert.Equal(OfferCatalogAvailability.Unreachable, availability.Message);
    }
}

public sealed class SilentNeedsTests(SilentNeedsHost host) : IClassFixture<SilentNeedsHost>
{
    private Task<CreateReferralResult> CreateAsync() =>
        host.InScopeAsync(services => services.GetRequiredService<CreateReferralHandler>()
            .HandleAsync(TestReferralRequests.New(), TestReferralRequests.MdsOfficer, CancellationToken.None));

    [Fact]
    public async Task A_needs_service_that_never_answers_is_given_up_at_the_deadline_and_the_referral_is_created()
    {
        host.DropHeldConnections();
        host.CloseAtOnce = false;
        var watch = Stopwatch.StartNew();

        var created = await CreateAsync();

        watch.Stop();
        Assert.Equal(AvailabilityVerification.NotVerified, created.Referral.Availability!.Verification);
        Assert.Equal(OfferCatalogAvailability.TimedOut, created.Referral.Availability.Message);
        // The deadline, not the 30 s of the standard resilience handler nor HttpClient's 100 s; generous for a busy machine.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(SilentNeedsHost.DeadlineSeconds + 5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_failed_call_is_not_retried_within_the_deadline()
    {
        host.DropHeldConnections();
        host.CloseAtOnce = true;
        var before = host.Accepted;

        var created = await CreateAsync();

        Assert.Equal(AvailabilityVerification.NotVerified, created.Referral.Availability!.Verification);
        Assert.Equal(OfferCatalogAvailability.Unreachable, created.Referral.Availability.Message);
        // Give a retry (the standard handler waits about 2 s before its first one) the time to show up.
        await Task.Delay(TimeSpan.FromSeconds(SilentNeedsHost.DeadlineSeconds));
        Assert.Equal(before + 1, host.Accepted);
    }
}
