using Boards.BuildingBlocks.Background;
using Boards.BuildingBlocks.Outbox;
using Microsoft.Extensions.Options;

namespace Boards.Planning.Features.OverdueSweep;

/// <summary>
/// An action that passes its end date untouched produces no event, so consumers (Monitoring's overdue count) would not
/// see it fall overdue. Every Planning:OverdueSweepInterval this sweep finds the current actions that are overdue today
/// (America/Asuncion; the rule of the views, <see cref="PlanAction.IsOverdue"/>) and not yet announced, and per action
/// writes a PlanActionProgressed (Overdue = true, the action's state, the plan's roll-up) to the outbox together with
/// the announced mark and a version bump, in one transaction: once per overdue episode, across restarts and instances.
/// </summary>
public sealed partial class OverdueSweepService(
    IServiceScopeFactory scopes,
    IOptions<PlanningOptions> options,
    TimeProvider clock,
    ILogger<OverdueSweepService> logger) : BackgroundService
{
    /// <summary>Plans looked at per sweep; the rest wait for the next one.</summary>
    private const int PlansPerSweep = 200;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync("Overdue sweep", options.Value.OverdueSweepInterval, clock, logger, async ct =>
        {
            var announced = await SweepAsync(ct);
            if (announced > 0)
            {
                LogAnnounced(logger, announced);
            }
        }, stoppingToken);

    /// <summary>One pass; returns how many actions were announced as overdue.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        List<Guid> planIds;
        DateOnly today;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanningDbContext>();
            today = scope.ServiceProvider.GetRequiredService<PlanCalendar>().Today;
            // PlanAction.IsOverdue in SQL: ends before today, neither done nor cancelled. Re-checked in memory below.
            planIds = await db.Actions
                .Where(a => a.RemovedAt == null && a.OverdueAnnouncedAt == null && a.EndsOn < today &&
                            a.Status != ActionStatus.Done && a.Status != ActionStatus.Cancelled)
                .Select(a => a.PlanId)
                .Distinct()
                .OrderBy(id => id)
                .Take(PlansPerSweep)
                .ToListAsync(cancellationToken);
        }

        var announced = 0;
        foreach (var planId in planIds)
        {
            announced += await AnnounceAsync(planId, today, cancellationToken);
        }

        return announced;
    }

    private async Task<int> AnnounceAsync(Guid planId, DateOnly today, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<PlanStore>();
        var db = scope.ServiceProvider.GetRequiredService<PlanningDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Lock the plan's unannounced overdue actions. SKIP LOCKED: a row another instance (or a progress report) holds
        // is left to it; a row it has just announced no longer matches. So each episode is announced once.
        var locked = await db.Database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM plan_actions
            WHERE "PlanId" = {planId} AND "RemovedAt" IS NULL AND "OverdueAnnouncedAt" IS NULL AND "EndsOn" < {today}
              AND "Status" NOT IN ('done', 'cancelled')
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (locked.Count == 0)
        {
            return 0;
        }

        var plan = await store.LoadAsync(planId, tracking: true, cancellationToken);
        var due = plan.CurrentActions.Where(a => locked.Contains(a.Id) && a.NeedsOverdueAnnouncement(today)).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        // Marks change no figure: the roll-up after the change is the plan's figures as of today.
        var rollup = PlanFigures.Contract(plan, today);
        var now = clock.GetUtcNow();
        foreach (var action in due)
        {
            action.MarkOverdueAnnounced(now);
            db.AddToOutbox(PlanEvents.ActionProgressed(plan, action, overdue: true, rollup, now), clock);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The action changed while we looked at it (its version moved); the next sweep sees its new state.
            return 0;
        }

        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Announced {Count} overdue plan action(s)")]
    private static partial void LogAnnounced(ILogger logger, int count);
}
