using System.Runtime.CompilerServices;
using Boards.Referrals.Consumers;
using Boards.Referrals.Features.ReadAudit;
using Microsoft.Extensions.Options;

namespace Boards.Referrals.Features.WatchReferrals;

/// <summary>
/// Changes within the caller's scope: optionally a replay of what changed since a given instant (at most
/// <see cref="ReferralsOptions.WatchMaxReplayAge"/> back, at most <see cref="MaxReplay"/> referrals), then live changes
/// from the bus (<see cref="ReferralChangeFeed"/>), whichever replica made them. The replica's watch queue is there only
/// while someone watches (<see cref="ReferralWatchQueue"/>): a stream first makes sure it is, and waits until it consumes,
/// then subscribes, then replays, so nothing committed in between is missed; a referral's version is sent at most once,
/// and never after a newer one. One
/// caller holds at most <see cref="ReferralsOptions.WatchMaxStreamsPerCaller"/> streams. The gRPC service ends the
/// stream when the caller's token expires.
/// </summary>
public sealed class WatchReferralsHandler(
    ReferralsDbContext db, ReferralChangeFeed feed, ReferralWatchQueue queue, ReadAuditTrail audit, IOptions<ReferralsOptions> options, TimeProvider clock)
{
    public const int MaxReplay = 1000;

    /// <summary>How long opening a stream waits for this replica's watch queue (just connected, or reconnecting to the broker).</summary>
    public static readonly TimeSpan LiveWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Checks the request, the caller's scope and their number of streams, and subscribes: everything that can refuse
    /// happens here, before the stream's headers go out. Without the bus there is no stream (Unavailable): a stream is
    /// never open while changes could pass it by. The session holds the replica's watch queue until it is disposed.
    /// </summary>
    public async Task<WatchSession> OpenAsync(string? municipalityCode, DateTimeOffset? since, Caller caller, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (since < clock.GetUtcNow() - settings.WatchMaxReplayAge)
        {
            throw ValidationFailedException.For("since",
                $"Puede pedir los cambios de como máximo {settings.WatchMaxReplayAge.TotalDays:0.#} días atrás; para más, use ListReferrals.");
        }

        var municipality = string.IsNullOrWhiteSpace(municipalityCode) ? null : municipalityCode.Trim().ToLowerInvariant();
        var scoped = ReferralScope.Apply(db.Referrals.AsNoTracking(), caller, municipality);
        var listening = await queue.Endpoint.ListenAsync(cancellationToken);
        try
        {
            // Live once the queue consumes: every change published from then on reaches this replica.
            if (!await feed.WaitUntilLiveAsync(LiveWait, cancellationToken))
            {
                throw new LiveChangesUnavailableException();
            }

            var subscription = feed.Subscribe(caller.Subject, settings.WatchMaxStreamsPerCaller)
                ?? throw new TooManyStreamsException(settings.WatchMaxStreamsPerCaller);
            return new WatchSession(scoped, subscription, listening, audit, municipality, since, caller);
        }
        catch
        {
            listening.Dispose();
            throw;
        }
    }
}

/// <summary>One open stream: the replay of <c>since</c>, then the live changes the caller may read.</summary>
public sealed class WatchSession(
    IQueryable<Referral> scoped, ReferralChangeFeed.Subscription subscription, IDisposable listening, ReadAuditTrail audit, string? municipality,
    DateTimeOffset? since, Caller caller)
    : IDisposable
{
    public async IAsyncEnumerable<Referral> ChangesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The newest version sent of each referral: the replay and the bus may both carry a change, the bus more than
        // once (redelivery), and a state read later may overtake one read earlier.
        var sent = new Dictionary<Guid, long>();
        if (since is { } from)
        {
            var changed = await scoped.Where(r => r.History.Any(h => h.At > from))
                .OrderBy(r => r.Id).Take(WatchReferralsHandler.MaxReplay).ToListAsync(cancellationToken);
            foreach (var referral in changed.OrderBy(r => r.History.Max(h => h.At)))
            {
                sent[referral.Id] = referral.Version;
                await audit.RecordAsync([referral], "watch", caller, null, cancellationToken);
                yield return referral;
            }
        }

        await foreach (var referral in subscription.Reader.ReadAllAsync(cancellationToken))
        {
            var inScope = ReferralAccess.CanRead(caller, referral) &&
                          (municipality is null || referral.MunicipalityCode == municipality || referral.DestinationMunicipalityCode == municipality);
            if (inScope && referral.Version > sent.GetValueOrDefault(referral.Id))
            {
                sent[referral.Id] = referral.Version;
                await audit.RecordAsync([referral], "watch", caller, null, cancellationToken);
                yield return referral;
            }
        }
    }

    public void Dispose()
    {
        subscription.Dispose();
        listening.Dispose();
    }
}

/// <summary>The caller already holds as many WatchReferrals streams as one caller may.</summary>
public sealed class TooManyStreamsException(int max)
    : Exception($"Ya tiene {max} suscripciones a cambios abiertas, el máximo por usuario: cierre alguna antes de abrir otra.");

