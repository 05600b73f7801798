using System.Collections.Concurrent;

namespace Boards.Monitoring.Features.IndicatorsSignal;

/// <summary>
/// The municipalities whose figures changed in a committed transaction and have not been announced yet. Many changes to
/// one municipality between two passes become one MunicipalityIndicatorsChanged: a live screen re-reads the municipality
/// anyway, so one signal after the last change is all it needs (docs/monitoring.md, "Change signal").
/// </summary>
public sealed class ChangedMunicipalities(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);

    /// <summary>Called after the change committed, never before: the signal must not reach a screen ahead of the figures.</summary>
    public void Note(string municipalityCode) => _pending.TryAdd(municipalityCode, 0);

    public int PendingCount => _pending.Count;

    /// <summary>Writes one event per pending municipality to the outbox in one transaction; returns how many.</summary>
    public async Task<int> AnnounceAsync(CancellationToken cancellationToken)
    {
        var codes = new List<string>();
        foreach (var code in _pending.Keys)
        {
            if (_pending.TryRemove(code, out _))
            {
                codes.Add(code);
            }
        }

        if (codes.Count == 0)
        {
            return 0;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
            foreach (var code in codes)
            {
                db.SignalIndicatorsChanged(code, clock);
            }

            await db.SaveChangesAsync(cancellationToken);
            return codes.Count;
        }
        catch
        {
            // Nothing announced: they stay pending for the next pass.
            foreach (var code in codes)
            {
                Note(code);
            }

            throw;
        }
    }
}
