using System.Runtime.CompilerServices;
using Boards.Referrals.Data;
using Boards.Referrals.Domain;
using Boards.Referrals.Features.Common;
using Boards.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Boards.Referrals.Features.WatchReferrals;

/// <summary>
/// Changes within the caller's scope: optionally a replay of what changed since a given instant, then live changes.
/// It subscribes before replaying, so nothing committed in between is missed; what both would send is sent once.
/// </summary>
public sealed class WatchReferralsHandler(ReferralsDbContext db, ReferralChangeFeed feed)
{
    public const int MaxReplay = 1000;

    public async IAsyncEnumerable<Referral> WatchAsync(string? municipalityCode, DateTimeOffset? since, Caller caller,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var municipality = string.IsNullOrWhiteSpace(municipalityCode) ? null : municipalityCode.Trim().ToLowerInvariant();
        var scoped = ReferralScope.Apply(db.Referrals.AsNoTracking(), caller, municipality); // refuses before anything streams

        using var subscription = feed.Subscribe();
        var sent = new HashSet<(Guid Id, long Version)>();
        if (since is { } from)
        {
            var changed = await scoped.Where(r => r.History.Any(h => h.At > from))
                .OrderBy(r => r.Id).Take(MaxReplay).ToListAsync(cancellationToken);
            foreach (var referral in changed.OrderBy(r => r.History.Max(h => h.At)))
            {
                sent.Add((referral.Id, referral.Version));
                yield return referral;
            }
        }

        await foreach (var referral in subscription.Reader.ReadAllAsync(cancellationToken))
        {
            var inScope = ReferralAccess.CanRead(caller, referral) &&
                          (municipality is null || referral.MunicipalityCode == municipality || referral.DestinationMunicipalityCode == municipality);
            if (inScope && sent.Add((referral.Id, referral.Version)))
            {
                yield return referral;
            }
        }
    }
}
