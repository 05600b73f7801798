using System.Collections.Concurrent;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Tests.Integration.Watch;

/// <summary>An open WatchReferrals stream, read in the background: every change it delivered, and how it ended.</summary>
internal sealed class StreamRecorder : IAsyncDisposable
{
    private readonly AsyncServerStreamingCall<Proto.ReferralChange> _call;
    private readonly ConcurrentQueue<Proto.ReferralChange> _changes = new();
    private readonly Task _reading;

    private StreamRecorder(AsyncServerStreamingCall<Proto.ReferralChange> call)
    {
        _call = call;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>How the stream ended (null while it is open, or when this side closed it).</summary>
    public RpcException? EndedWith { get; private set; }

    public bool Ended { get; private set; }

    /// <summary>Opens the stream and waits for its headers: from then on it misses no change.</summary>
    public static async Task<StreamRecorder> OpenAsync(Proto.ReferralService.ReferralServiceClient client, Proto.WatchReferralsRequest? request = null)
    {
        var call = client.WatchReferrals(request ?? new Proto.WatchReferralsRequest(), deadline: DateTime.UtcNow.AddMinutes(3));
        await call.ResponseHeadersAsync;
        return new StreamRecorder(call);
    }

    /// <summary>The changes of one referral, in the order they came.</summary>
    public List<Proto.ReferralChange> Of(string referralId) => _changes.Where(c => c.ReferralId == referralId).ToList();

    /// <summary>Waits until the stream delivered this referral at this version (or a later one).</summary>
    public Task WaitForAsync(string referralId, long version, TimeSpan within) =>
        WithinAsync(() => Of(referralId).Any(c => c.Version >= version), within, $"version {version} of {referralId}");

    /// <summary>Waits until the stream ended.</summary>
    public Task WaitForEndAsync(TimeSpan within) => WithinAsync(() => Ended, within, "the stream to end");

    public async ValueTask DisposeAsync()
    {
        _call.Dispose();
        await _reading;
    }

    private async Task ReadAsync()
    {
        try
        {
            while (await _call.ResponseStream.MoveNext(CancellationToken.None))
            {
                _changes.Enqueue(_call.ResponseStream.Current);
            }
        }
        catch (RpcException exception) when (exception.StatusCode != StatusCode.Cancelled)
        {
            EndedWith = exception;
        }
        catch (RpcException)
        {
            // Closed by this side.
        }
        catch (ObjectDisposedException)
        {
            // Closed by this side before this task read at all (a busy machine can start it that late).
        }
        finally
        {
            Ended = true;
        }
    }

    private static async Task WithinAsync(Func<bool> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {within.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(25);
        }
    }
}
