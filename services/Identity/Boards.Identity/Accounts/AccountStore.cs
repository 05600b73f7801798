using System.Security.Cryptography;
using System.Text;

namespace Boards.Identity.Accounts;

/// <summary>
/// Who may sign in. Accounts live in the <c>users</c> table; passwords are not stored: in Development every account
/// shares <c>Identity:DemoPassword</c>, and elsewhere nobody signs in here (people use Keycloak).
/// </summary>
public sealed class AccountStore(IdentityDbContext db, IdentitySettings settings, IHostEnvironment environment, SignInThrottle throttle)
{
    public bool PasswordsEnabled => environment.IsDevelopment();

    /// <summary>The account behind a token's <c>sub</c>, enabled or not; null for service accounts and unknown ids.</summary>
    public async Task<UserAccount?> FindBySubjectAsync(string? subject, CancellationToken cancellationToken) =>
        Guid.TryParse(subject, out var id)
            ? await db.Users.AsNoTracking().SingleOrDefaultAsync(user => user.Id == id, cancellationToken)
            : null;

    /// <summary>The person who may still get tokens: the account exists, is enabled and is not a client's service account.</summary>
    public async Task<UserAccount?> FindActiveBySubjectAsync(string? subject, CancellationToken cancellationToken) =>
        await FindBySubjectAsync(subject, cancellationToken) is { Enabled: true, IsServiceAccount: false } account ? account : null;

    /// <summary>
    /// The enabled account when both user name and password match, without telling which failed; or that the user name
    /// is locked after too many failures (<see cref="SignInThrottle"/>), which a right password does not lift.
    /// </summary>
    public async Task<SignInAttempt> AuthenticateAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        if (userName is null)
        {
            return SignInAttempt.Refused;
        }

        var key = SignInThrottle.UserKey(userName);
        if (await throttle.LockedUntilAsync(key, cancellationToken) is { } lockedUntil)
        {
            return new SignInAttempt(null, lockedUntil);
        }

        if (await FindByPasswordAsync(userName, password, cancellationToken) is { } account)
        {
            await throttle.RecordSuccessAsync(key, cancellationToken);
            return new SignInAttempt(account, null);
        }

        await throttle.RecordFailureAsync(key, cancellationToken);
        return SignInAttempt.Refused;
    }

    private async Task<UserAccount?> FindByPasswordAsync(string userName, string? password, CancellationToken cancellationToken)
    {
        if (!PasswordsEnabled || !CryptographicOperations.FixedTimeEquals(Hash(password ?? ""), Hash(settings.DemoPassword)))
        {
            return null;
        }

        // PostgreSQL text cannot hold NUL; such a name cannot exist, so it is simply unknown.
        var normalized = UserAccount.NormalizeUserName(userName);
        if (normalized.Length is 0 or > IdentityLimits.Text || normalized.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(user => user.UserName == normalized, cancellationToken);
        // A client's service account never signs in with a password (Keycloak has no credential for it).
        return account is { Enabled: true, IsServiceAccount: false } ? account : null;
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}

/// <summary>A sign-in: the account, or nothing; <see cref="LockedUntil"/> says it was refused for too many failures.</summary>
public sealed record SignInAttempt(UserAccount? Account, DateTimeOffset? LockedUntil)
{
    public static readonly SignInAttempt Refused = new(null, null);

    /// <summary>What the person reads: the same for a wrong password and an unknown user, and the wait when locked.</summary>
    public string Message(DateTimeOffset now) => LockedUntil is { } until
        ? $"Demasiados intentos fallidos: el acceso con este usuario queda bloqueado por {Math.Max(1, (int)Math.Ceiling((until - now).TotalMinutes))} minuto(s). Intente más tarde."
        : "Usuario o contraseña incorrectos.";
}
