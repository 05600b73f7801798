using Microsoft.Extensions.Options;

namespace Boards.ServiceDays.Features.RetentionSweep;

/// <summary>
/// Erases the person data of the referral entries not delivered (pending or failed) and received longer ago than
/// <see cref="RetentionOptions.ForgetUndeliveredAfter"/>: they become <see cref="ReferralEntryStatus.Expired"/>, with
/// the reason in Error, and the pass is recorded as a <see cref="RetentionRun"/>. Delivered entries hold no person data.
/// </summary>
public sealed class RetentionSweep(ServiceDaysDbContext db, IOptions<RetentionOptions> options, TimeProvider clock)
{
    public async Task<RetentionRun> RunAsync(string startedBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var period = options.Value.ForgetUndeliveredAfter;
        var run = RetentionRun.Start(now, now - period, startedBy);
        var receivedBefore = run.ReceivedBefore;
        var reason = ErasedReason(period);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One statement: a retry that is sending the entry right now either saw the data first or finds it gone.
        run.Count(await db.ReferralEntries
            .Where(e => (e.Status == ReferralEntryStatus.Pending || e.Status == ReferralEntryStatus.Failed) && e.ReceivedAt < receivedBefore)
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.PendingPayload, (string?)null)
                .SetProperty(e => e.Status, ReferralEntryStatus.Expired)
                .SetProperty(e => e.Error, reason)
                .SetProperty(e => e.FailureKind, (string?)null), cancellationToken));
        db.RetentionRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return run;
    }

    /// <summary>What the entry shows once expired, and what a retry of it answers.</summary>
    public static string ErasedReason(TimeSpan period)
    {
        var within = period.TotalDays switch
        {
            >= 2 => $"en {period.TotalDays:0} días",
            >= 1 => "en un día",
            _ => "dentro del plazo de retención",
        };
        return $"Los datos de la persona se eliminaron porque la referencia no se entregó {within}: " +
               "vuelva a registrarla, con un identificador nuevo, si todavía corresponde.";
    }
}
