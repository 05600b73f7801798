using Microsoft.Extensions.Options;

namespace Boards.Referrals.Features.RetentionSweep;

/// <summary>
/// Anonymises the referrals closed longer ago than <see cref="RetentionOptions.AnonymiseClosedAfter"/>
/// (<see cref="Referral.Anonymise"/>), in batches, and records the pass as a <see cref="RetentionRun"/>. No event is
/// published: nothing the other services count changes.
/// </summary>
public sealed class RetentionSweep(ReferralsDbContext db, IOptions<ReferralsOptions> options, TimeProvider clock)
{
    private const int Batch = 200;

    public async Task<RetentionRun> RunAsync(string startedBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var run = RetentionRun.Start(now, now - options.Value.Retention.AnonymiseClosedAfter, startedBy);
        db.Add(run);
        while (true)
        {
            var closedBefore = run.ClosedBefore;
            var due = await db.Referrals
                .Where(r => r.ClosedAt != null && r.ClosedAt < closedBefore && r.AnonymisedAt == null)
                .OrderBy(r => r.ClosedAt)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            run.Count(due.Count(referral => referral.Anonymise(now)));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A referral changed while we held it (only its overdue marks can, once closed): the next pass takes it.
                db.ChangeTracker.Clear();
                return run;
            }

            db.ChangeTracker.Clear();
            db.Attach(run);
            if (due.Count < Batch)
            {
                return run;
            }
        }
    }

    public async Task<IReadOnlyList<RetentionRun>> RecentRunsAsync(CancellationToken cancellationToken) =>
        await db.Set<RetentionRun>().AsNoTracking().OrderByDescending(r => r.At).Take(50).ToListAsync(cancellationToken);
}
