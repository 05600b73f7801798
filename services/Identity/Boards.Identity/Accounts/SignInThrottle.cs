using Microsoft.Extensions.Options;

namespace Boards.Identity.Accounts;

/// <summary>
/// Brute-force detection as Keycloak's: after <see cref="BruteForceOptions.FailureFactor"/> failures in a row, an account
/// (by user name, known or not, so that the lock tells nothing about who exists) or a client (by client_id) is locked
/// for <see cref="BruteForceOptions.WaitIncrement"/>, doubling with every further failure up to
/// <see cref="BruteForceOptions.MaxWait"/>. A success clears the count. The counts are rows, so every replica sees them.
/// </summary>
public sealed class SignInThrottle(IdentityDbContext db, TimeProvider clock, IOptions<BruteForceOptions> options)
{
    public static string UserKey(string userName) => Key("user:", UserAccount.NormalizeUserName(userName));

    public static string ClientKey(string clientId) => Key("client:", clientId);

    // Anything a caller sends may be long or hold characters PostgreSQL cannot store: such names count under their hash.
    private static string Key(string prefix, string name) =>
        name.Length <= 200 && !name.Any(char.IsControl)
            ? prefix + name
            : prefix + "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)));

    /// <summary>Until when <paramref name="key"/> is locked; null when it is not.</summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(string key, CancellationToken ct)
    {
        var until = await db.SignInFailures.AsNoTracking().Where(f => f.Key == key).Select(f => f.LockedUntil).SingleOrDefaultAsync(ct);
        return until > clock.GetUtcNow() ? until : null;
    }

    /// <summary>Counts one more failure, in one statement (two replicas counting at once both count), and locks when due.</summary>
    public async Task RecordFailureAsync(string key, CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var failures = await db.Database.SqlQuery<int>($"""
            INSERT INTO sign_in_failures (key, failures, last_failure_at) VALUES ({key}, 1, {now})
            ON CONFLICT (key) DO UPDATE SET
                failures = CASE WHEN sign_in_failures.last_failure_at < {now - settings.FailureReset} THEN 1 ELSE sign_in_failures.failures + 1 END,
                last_failure_at = {now}
            RETURNING failures AS "Value"
            """).ToListAsync(ct) is [var counted] ? counted : 1;
        if (failures >= settings.FailureFactor)
        {
            var doublings = Math.Min(failures - settings.FailureFactor, 20);
            var wait = TimeSpan.FromTicks(Math.Min(settings.WaitIncrement.Ticks * (1L << doublings), settings.MaxWait.Ticks));
            await db.SignInFailures.Where(f => f.Key == key).ExecuteUpdateAsync(f => f.SetProperty(x => x.LockedUntil, now + wait), ct);
        }
    }

    public Task RecordSuccessAsync(string key, CancellationToken ct) =>
        db.SignInFailures.Where(f => f.Key == key).ExecuteDeleteAsync(ct);
}

/// <summary>Failed sign-ins of one account or client in a row (<c>sign_in_failures</c>).</summary>
public sealed class SignInFailure
{
    public required string Key { get; init; }
    public int Failures { get; init; }
    public DateTimeOffset LastFailureAt { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }
}

/// <summary>Section <c>Identity:BruteForce</c>; the defaults follow Keycloak's brute-force detection, with a lower failure factor.</summary>
public sealed class BruteForceOptions
{
    public int FailureFactor { get; set; } = 5;
    public TimeSpan WaitIncrement { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>Failures further apart than this start the count again.</summary>
    public TimeSpan FailureReset { get; set; } = TimeSpan.FromHours(12);
}
