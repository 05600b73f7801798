using Boards.Referrals.Features.ServiceAvailability;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Tests.Integration.Tenancy;

/// <summary>Referrals with tokens that last six seconds, so that a stream can be seen to end with its token.</summary>
public sealed class ShortTokenHost() : ServiceTestHost<Program>("referrals", "referralsdb", "Referrals:ReceiveEndpoint", "referrals-municipalities"), IAsyncLifetime
{
    public ScriptedAvailability Catalog { get; } = new();

    protected override IReadOnlyDictionary<string, string> IdentitySettings { get; } =
        new Dictionary<string, string> { ["Identity:AccessTokenLifetime"] = "00:00:06" };

    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Referrals:SeedDemoData", "false");
        web.ConfigureTestServices(services => services.AddSingleton<IServiceAvailability>(Catalog));
    }
}

/// <summary>
/// Reported: WatchReferrals went on delivering personal data after the token expired (and after the account was
/// disabled, which only stops new tokens). The stream ends at the token's expiry, one caller holds a bounded number of
/// streams, and the replay of <c>since</c> is bounded.
/// </summary>
public sealed class WatchTokenExpiryTests(ShortTokenHost host) : IClassFixture<ShortTokenHost>
{
    [Fact]
    public async Task A_stream_ends_with_Unauthenticated_when_its_token_expires()
    {
        var token = await host.TokenAsync(null, BoardsRoles.Integrator);
        var client = new Proto.ReferralService.ReferralServiceClient(host.Channel().Intercept(new BearerToken(token)));
        using var call = client.WatchReferrals(new Proto.WatchReferralsRequest(), deadline: DateTime.UtcNow.AddSeconds(40));

        var ended = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        });

        Assert.Equal(StatusCode.Unauthenticated, ended.StatusCode);
        Assert.Contains("venció", ended.Status.Detail, StringComparison.Ordinal);
    }
}

/// <summary>The limits of WatchReferrals with ordinary tokens.</summary>
[Collection(BatchCollection.Name)]
public sealed class WatchLimitsTests(BatchHost host)
{
    [Fact]
    public async Task One_caller_holds_at_most_five_streams_and_a_closed_one_frees_its_place()
    {
        var client = await host.IntegratorClientAsync();
        var open = new List<AsyncServerStreamingCall<Proto.ReferralChange>>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                var call = client.WatchReferrals(new Proto.WatchReferralsRequest(), deadline: DateTime.UtcNow.AddSeconds(60));
                open.Add(call);
                await call.ResponseHeadersAsync;
            }

            await WaitUntilStreamsAsync(client, expectRefusal: true);
            open[0].Dispose();
            open.RemoveAt(0);
            await WaitUntilStreamsAsync(client, expectRefusal: false);
        }
        finally
        {
            open.ForEach(call => call.Dispose());
        }
    }

    [Fact]
    public async Task A_replay_from_further_back_than_seven_days_is_refused_naming_since()
    {
        var client = await host.IntegratorClientAsync();
        using var call = client.WatchReferrals(new Proto.WatchReferralsRequest { Since = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-8)) });

        var refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("since", Assert.Single(refused.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
    }

    /// <summary>A sixth stream is refused with ResourceExhausted while five are open (or accepted once one closed).</summary>
    private static async Task WaitUntilStreamsAsync(Proto.ReferralService.ReferralServiceClient client, bool expectRefusal)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            // Refused: reading fails at once with ResourceExhausted. Accepted: reading waits for a change until this side
            // gives up (Cancelled), and disposing the call frees the place again.
            using var extra = client.WatchReferrals(new Proto.WatchReferralsRequest());
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            var refused = false;
            try
            {
                await extra.ResponseStream.MoveNext(patience.Token);
            }
            catch (RpcException exception)
            {
                refused = exception.StatusCode == StatusCode.ResourceExhausted;
            }
            catch (OperationCanceledException)
            {
            }

            if (refused == expectRefusal)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, expectRefusal ? "La sexta suscripción no fue rechazada." : "Cerrar una suscripción no liberó su lugar.");
            await Task.Delay(200);
        }
    }
}
