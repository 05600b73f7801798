using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace Boards.Identity.DemoAccounts;

/// <summary>
/// Who may sign in with a password. Only Development has accounts (all sharing <c>Identity:DemoPassword</c>);
/// everywhere else the directory is empty and the real authority is Keycloak.
/// </summary>
public sealed class AccountDirectory
{
    private readonly FrozenDictionary<string, DemoAccount> _byUserName;
    private readonly FrozenDictionary<string, DemoAccount> _bySubject;
    private readonly byte[] _passwordHash;

    public AccountDirectory(IEnumerable<DemoAccount> accounts, string password)
    {
        var list = accounts.ToList();
        _byUserName = list.ToFrozenDictionary(account => account.UserName, StringComparer.OrdinalIgnoreCase);
        _bySubject = list.ToFrozenDictionary(account => account.Subject, StringComparer.OrdinalIgnoreCase);
        _passwordHash = Hash(password);
    }

    public static AccountDirectory Empty { get; } = new([], Guid.NewGuid().ToString());

    public int Count => _byUserName.Count;

    public DemoAccount? FindBySubject(string? subject) =>
        subject is not null && _bySubject.TryGetValue(subject, out var account) ? account : null;

    /// <summary>The account when both user name and password match; null otherwise, without telling which failed.</summary>
    public DemoAccount? Authenticate(string? userName, string? password)
    {
        var passwordMatches = CryptographicOperations.FixedTimeEquals(Hash(password ?? ""), _passwordHash);
        return passwordMatches && userName is not null && _byUserName.TryGetValue(userName.Trim(), out var account)
            ? account
            : null;
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
