using Boards.Notifications.Features.Common;
using Boards.Notifications.Features.Announce;
using Microsoft.Extensions.Options;

namespace Boards.Notifications.Features.Deadlines;

/// <summary>
/// One pass over the deadline chains: every step that fell due is announced and the chain moves on, one step per
/// referral and pass, so the officers always hear before the focal point, and the focal point before the ministry.
/// </summary>
public sealed class DeadlineSweep(NotificationsDbContext db, ReferralAnnouncements announcements, IOptions<DeadlineOptions> options, TimeProvider clock)
    : IPeriodicPass
{
    private const int Batch = 200;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Locked for the pass: an event closing a chain meanwhile waits, then writes its own change over ours (never the
        // other way round); another replica skips these rows.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = await db.TrackedReferrals
            .FromSql($"""
                SELECT * FROM tracked_referrals WHERE "AcceptNextAt" <= {now} OR "CounterReferralNextAt" <= {now}
                ORDER BY "ReferralId" LIMIT {Batch} FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        var steps = 0;
        foreach (var referral in due)
        {
            foreach (var deadline in new[] { ReferralDeadline.Accept, ReferralDeadline.CounterReferral })
            {
                var track = referral.Track(deadline);
                if (track.DueAt is { } dueAt && track.TakeDueStep(options.Value.Policy, now) is { } step)
                {
                    await announcements.DeadlineStepAsync(referral, deadline, step, dueAt, ct);
                    steps++;
                }
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return steps;
    }
}
