using System.Runtime.CompilerServices;
using Boards.Referrals.Features.ReadAudit;
using Microsoft.Extensions.Options;

namespace Boards.Referrals.Features.WatchReferrals;

/// <summary>
/// Changes within the caller's scope: optionally a replay of what changed since a given instant (at most
/// <see cref="ReferralsOptions.WatchMaxReplayAge"/> back, at most <see cref="MaxReplay"/> referrals), then live changes.
/// It subscribes before replaying, so nothing committed in between is missed; what both would send is sent once. One
/// caller holds at most <see cref="ReferralsOptions.WatchMaxStreamsPerCaller"/> streams. The gRPC service ends the
/// stream when the caller's token expires.
/// </summary>
public sealed class WatchReferralsHandler(ReferralsDbContext db, ReferralChangeFeed feed, ReadAuditTrail audit, IOptions<ReferralsOptions> options, TimeProvider clock)
{
    public const int MaxReplay = 1000;

    /// <summary>
    /// Checks the request, the caller's scope and their number of streams, and subscribes: everything that can refuse
    /// happens here, before the stream's headers go out.
    /// </summary>
    public WatchSession Open(string? municipalityCode, DateTimeOffset? since, Caller caller)
    {
        var settings = options.Value;
        if (since < clock.GetUtcNow() - settings.WatchMaxReplayAge)
        {
            throw ValidationFailedException.For("since",
                $"Puede pedir los cambios de como máximo {settings.WatchMaxReplayAge.TotalDays:0.#} días atrás; para más, use ListReferrals.");
        }

        var municipality = string.IsNullOrWhiteSpace(municipalityCode) ? null : municipalityCode.Trim().ToLowerInvariant();
        var scoped = ReferralScope.Apply(db.Referrals.AsNoTracking(), caller, municipality);
        var subscription = feed.Subscribe(caller.Subject, settings.WatchMaxStreamsPerCaller)
            ?? throw new TooManyStreamsException(settings.WatchMaxStreamsPerCaller);
        return new WatchSession(scoped, subscription, audit, municipality, since, caller);
    }
}

/// <summary>One open stream: the replay of <c>since</c>, then the live changes the caller may read.</summary>
public sealed class WatchSession(
    IQueryable<Referral> scoped, ReferralChangeFeed.Subscription subscription, ReadAuditTrail audit, string? municipality, DateTimeOffset? since, Caller caller)
    : IDisposable
{
    public async IAsyncEnumerable<Referral> ChangesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sent = new HashSet<(Guid Id, long Version)>();
        if (since is { } from)
        {
            var changed = await scoped.Where(r => r.History.Any(h => h.At > from))
                .OrderBy(r => r.Id).Take(WatchReferralsHandler.MaxReplay).ToListAsync(cancellationToken);
            foreach (var referral in changed.OrderBy(r => r.History.Max(h => h.At)))
            {
                sent.Add((referral.Id, referral.Version));
                await audit.RecordAsync([referral], "watch", caller, null, cancellationToken);
                yield return referral;
            }
        }

        await foreach (var referral in subscription.Reader.ReadAllAsync(cancellationToken))
        {
            var inScope = ReferralAccess.CanRead(caller, referral) &&
                          (municipality is null || referral.MunicipalityCode == municipality || referral.DestinationMunicipalityCode == municipality);
            if (inScope && sent.Add((referral.Id, referral.Version)))
            {
                await audit.RecordAsync([referral], "watch", caller, null, cancellationToken);
                yield return referral;
            }
        }
    }

    public void Dispose() => subscription.Dispose();
}

/// <summary>The caller already holds as many WatchReferrals streams as one caller may.</summary>
public sealed class TooManyStreamsException(int max)
    : Exception($"Ya tiene {max} suscripciones a cambios abiertas, el máximo por usuario: cierre alguna antes de abrir otra.");

