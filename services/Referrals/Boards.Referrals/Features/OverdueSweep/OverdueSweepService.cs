using Boards.BuildingBlocks.Background;
using Boards.BuildingBlocks.Outbox;
using Microsoft.Extensions.Options;

namespace Boards.Referrals.Features.OverdueSweep;

/// <summary>
/// Raises ReferralOverdue once per missed deadline (to accept, then to counter-refer). The raised-at marks are saved
/// with the event in one transaction, so a restart neither loses nor repeats an escalation.
/// </summary>
public sealed partial class OverdueSweepService(
    IServiceScopeFactory scopes,
    IOptions<ReferralsOptions> options,
    TimeProvider clock,
    ILogger<OverdueSweepService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync("Overdue sweep", options.Value.OverdueSweepInterval, clock, logger, async ct =>
        {
            var raised = await SweepAsync(ct);
            if (raised > 0)
            {
                LogRaised(logger, raised);
            }
        }, stoppingToken);

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var now = clock.GetUtcNow();
        var candidates = await db.Referrals
            .Where(r => (r.Status == ReferralStatus.Requested && r.AcceptBy < now && r.AcceptOverdueRaisedAt == null) ||
                        ((r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.InProgress || r.Status == ReferralStatus.OnHold) &&
                         r.CounterReferBy < now && r.CounterReferralOverdueRaisedAt == null))
            .OrderBy(r => r.Id)
            .Take(500)
            .ToListAsync(cancellationToken);

        var raised = 0;
        foreach (var referral in candidates)
        {
            var deadline = referral.CurrentDeadline;
            if (deadline is not null && referral.MarkOverdueRaised(now))
            {
                db.AddToOutbox(ReferralEventFactory.Overdue(referral, deadline.Value.Kind, deadline.Value.DueAt, now), clock);
                raised++;
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A referral moved while we looked at it; the next sweep sees its new state.
            return 0;
        }

        return raised;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Raised {Count} overdue referral escalation(s)")]
    private static partial void LogRaised(ILogger logger, int count);
}
