using Boards.BuildingBlocks.Background;
using Boards.BuildingBlocks.Outbox;
using Boards.Monitoring.Contracts.Events;
using Boards.Monitoring.Domain.EarlyWarnings;
using Boards.Monitoring.Features.IndicatorsSignal;
using Microsoft.Extensions.Options;

namespace Boards.Monitoring.Features.EarlyWarningSweep;

/// <summary>
/// Every Monitoring:EarlyWarnings:Interval: evaluates every rule for every municipality, raises a warning (and writes
/// EarlyWarningRaised to the outbox in the same transaction) where a rule holds and none is open for that
/// (municipality, rule), and resolves the open ones whose rule no longer holds; MunicipalityIndicatorsChanged goes to the
/// outbox, in the same transaction, once per municipality whose warnings changed. One sweep at a time across instances
/// (a transaction-scoped advisory lock); the unique index on open warnings backs it up.
/// </summary>
public sealed partial class EarlyWarningSweep(
    IServiceScopeFactory scopes,
    IOptions<EarlyWarningOptions> options,
    TimeProvider clock,
    ILogger<EarlyWarningSweep> logger) : BackgroundService
{
    private const long AdvisoryLockKey = 0x4D6F6E5761726E; // "MonWarn"

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync("Early-warning sweep", options.Value.Interval, clock, logger, async ct =>
        {
            var (raised, resolved) = await SweepAsync(ct);
            if (raised + resolved > 0)
            {
                LogSwept(logger, raised, resolved);
            }
        }, stoppingToken);

    /// <summary>One pass; returns how many warnings were raised and resolved.</summary>
    public async Task<(int Raised, int Resolved)> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
        var evaluator = scope.ServiceProvider.GetRequiredService<EarlyWarningEvaluator>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);

        var now = clock.GetUtcNow();
        var findings = await evaluator.EvaluateAsync(now, options.Value.Thresholds, cancellationToken);
        var open = await db.EarlyWarnings.Where(w => w.ResolvedAt == null).ToListAsync(cancellationToken);

        var resolved = 0;
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var warning in open.Where(w => !findings.ContainsKey((w.MunicipalityCode, w.Rule))))
        {
            warning.Resolve(now);
            changed.Add(warning.MunicipalityCode);
            resolved++;
        }

        var openKeys = open.Select(w => (w.MunicipalityCode, w.Rule)).ToHashSet();
        var raised = 0;
        foreach (var ((code, _), finding) in findings.Where(f => !openKeys.Contains(f.Key)).OrderBy(f => f.Key))
        {
            var warning = EarlyWarning.Raise(code, finding, now);
            db.EarlyWarnings.Add(warning);
            db.AddToOutbox(new EarlyWarningRaised
            {
                WarningId = warning.Id,
                MunicipalityCode = warning.MunicipalityCode,
                Rule = warning.Rule,
                RuleTitle = warning.RuleTitle,
                Evidence = warning.Evidence,
                Figures = new Dictionary<string, decimal>(warning.Figures),
                RaisedAt = warning.RaisedAt,
            }, clock);
            changed.Add(code);
            raised++;
        }

        // One change signal per municipality whose warnings were raised or resolved in this pass.
        foreach (var code in changed)
        {
            db.SignalIndicatorsChanged(code, clock);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (raised, resolved);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Early warnings: {Raised} raised, {Resolved} resolved")]
    private static partial void LogSwept(ILogger logger, int raised, int resolved);
}
