using Microsoft.Extensions.Options;

namespace Boards.Notifications.Features.Announce;

/// <summary>
/// The names of the municipality replica, kept in memory: nearly every event names a municipality, and reading its name
/// was a query per event (7 % of the service's CPU one referral at a time). The whole replica, a few hundred rows, is
/// read again once the copy is older than <see cref="MunicipalityNamesOptions.RefreshEvery"/>. A code the copy does not
/// hold is looked up every time, so a municipality registered meanwhile is named at once on every replica of the
/// service. The replica that consumes MunicipalityRegistered forgets that code as soon as its change is committed; any
/// other replica shows a new name within RefreshEvery.
/// </summary>
public sealed class MunicipalityNames(IOptions<MunicipalityNamesOptions> options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private Copy _copy = new(new Dictionary<string, string>(StringComparer.Ordinal), DateTimeOffset.MinValue);
    private long _forgotten;
    private int _reloading;

    /// <summary>The municipality's name, or its code when the replica does not know it.</summary>
    public async Task<string> NameAsync(NotificationsDbContext db, string code, CancellationToken cancellationToken)
    {
        var copy = Volatile.Read(ref _copy);
        // One reader refreshes; the others go on with the copy they have meanwhile.
        if (clock.GetUtcNow() - copy.ReadAt >= options.Value.RefreshEvery && Interlocked.Exchange(ref _reloading, 1) == 0)
        {
            try
            {
                copy = await ReloadAsync(db, cancellationToken);
            }
            finally
            {
                Volatile.Write(ref _reloading, 0);
            }
        }

        if (copy.Names.TryGetValue(code, out var name))
        {
            return name;
        }

        var forgotten = Interlocked.Read(ref _forgotten);
        var found = await db.Municipalities.Where(m => m.Code == code).Select(m => m.Name).FirstOrDefaultAsync(cancellationToken);
        if (found is not null)
        {
            Change(forgotten, names => names[code] = found);
        }

        return found ?? code;
    }

    /// <summary>The replica's row of <paramref name="code"/> changed: the next event reads it again.</summary>
    public void Forget(string code) => Change(null, names => names.Remove(code.Trim().ToLowerInvariant()));

    private async Task<Copy> ReloadAsync(NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var forgotten = Interlocked.Read(ref _forgotten);
        var readAt = clock.GetUtcNow();
        var names = await db.Municipalities.Select(m => new { m.Code, m.Name })
            .ToDictionaryAsync(m => m.Code, m => m.Name, StringComparer.Ordinal, cancellationToken);
        var copy = new Copy(names, readAt);
        lock (_gate)
        {
            // A code forgotten while this was read may still carry its old name here: this copy serves this event only.
            if (_forgotten == forgotten)
            {
                _copy = copy;
            }
        }

        return copy;
    }

    /// <summary>
    /// A new copy with one change. A name read before a code was forgotten is not put back (<paramref name="readWhenForgotten"/>:
    /// the count of forgotten codes when it was read; null for a change that forgets).
    /// </summary>
    private void Change(long? readWhenForgotten, Action<Dictionary<string, string>> change)
    {
        lock (_gate)
        {
            if (readWhenForgotten is { } count && count != _forgotten)
            {
                return;
            }

            if (readWhenForgotten is null)
            {
                Interlocked.Increment(ref _forgotten);
            }

            var names = new Dictionary<string, string>(_copy.Names, StringComparer.Ordinal);
            change(names);
            _copy = _copy with { Names = names };
        }
    }

    private sealed record Copy(IReadOnlyDictionary<string, string> Names, DateTimeOffset ReadAt);
}
