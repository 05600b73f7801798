using System.Security.Cryptography;
using System.Text;
using Boards.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace Boards.Identity.Accounts;

/// <summary>
/// Who may sign in. Accounts live in the <c>users</c> table; passwords are not stored: in Development every account
/// shares <c>Identity:DemoPassword</c>, and elsewhere nobody signs in here (people use Keycloak).
/// </summary>
public sealed class AccountStore(IdentityDbContext db, IdentitySettings settings, IHostEnvironment environment)
{
    public bool PasswordsEnabled => environment.IsDevelopment();

    /// <summary>The account behind a token's <c>sub</c>, enabled or not; null for service accounts and unknown ids.</summary>
    public async Task<UserAccount?> FindBySubjectAsync(string? subject, CancellationToken cancellationToken) =>
        Guid.TryParse(subject, out var id)
            ? await db.Users.AsNoTracking().SingleOrDefaultAsync(user => user.Id == id, cancellationToken)
            : null;

    /// <summary>The account that may still get tokens: it exists and is enabled.</summary>
    public async Task<UserAccount?> FindActiveBySubjectAsync(string? subject, CancellationToken cancellationToken) =>
        await FindBySubjectAsync(subject, cancellationToken) is { Enabled: true } account ? account : null;

    /// <summary>The enabled account when both user name and password match; null otherwise, without telling which failed.</summary>
    public async Task<UserAccount?> AuthenticateAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        if (!PasswordsEnabled || userName is null ||
            !CryptographicOperations.FixedTimeEquals(Hash(password ?? ""), Hash(settings.DemoPassword)))
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
        return account is { Enabled: true } ? account : null;
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
