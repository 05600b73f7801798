namespace Boards.Membership.Features.IdentityLink;

/// <summary>
/// Who may link which account to a membership, before anything reaches the identity provider (docs/security.md,
/// "account takeover"). ministry-admin may link any account. Anyone else may link a user name that does not exist yet
/// (it is created when access is granted) or one that belongs to the board's own municipality (its municipality
/// attribute, or an earlier membership of this board when the attribute was taken back) and holds no Boards role but
/// focal-point. Anything else would move another person's account, and their access, to this municipality.
/// </summary>
public sealed class AccountLinkRule(IAccountDirectory directory)
{
    public async Task EnsureMayLinkAsync(Board board, string account, Caller caller, CancellationToken ct)
    {
        if (caller.IsInRole(BoardsRoles.MinistryAdmin))
        {
            return;
        }

        var existing = await directory.FindAsync(account, ct);
        if (existing is null)
        {
            return;
        }

        var otherRoles = existing.Roles.Where(role => BoardsRoles.All.Contains(role) && role != BoardsRoles.FocalPoint).ToList();
        var ownMunicipality = existing.Municipality == board.MunicipalityCode ||
                              (existing.Municipality is null && board.Members.Any(m => string.Equals(m.Account, account, StringComparison.OrdinalIgnoreCase)));
        if (otherRoles.Count > 0 || !ownMunicipality)
        {
            throw new ForbiddenException(
                $"La cuenta '{account}' ya existe y pertenece a otra persona, municipio o función de Boards: vincularla le quitaría su acceso. " +
                "Indique un usuario nuevo, o pida al ministerio (ministry-admin) que vincule esta cuenta.");
        }
    }
}

/// <summary>An account as the identity provider has it: the municipality attribute and the realm roles.</summary>
public sealed record DirectoryAccount(string? Municipality, IReadOnlyCollection<string> Roles);

/// <summary>Looks accounts up in the identity provider.</summary>
public interface IAccountDirectory
{
    /// <summary>The account with exactly this user name, or null when it does not exist.</summary>
    Task<DirectoryAccount?> FindAsync(string username, CancellationToken ct);
}
