using Boards.Membership.Data;
using Boards.Membership.Features.IdentityLink.IdentityProvider;

namespace Boards.Membership.Features.IdentityLink;

/// <summary>
/// Grants or revokes through <see cref="IFocalPointAccess"/> and records the outcome on the term. A transient failure
/// (the provider unreachable) is rethrown so that the consumer's transaction rolls back and the bus retries; a refusal
/// is recorded as failed with the reason in Spanish. Every outcome recorded is announced as FocalPointAccessChanged.
/// </summary>
public sealed class FocalPointAccessRecorder(
    IFocalPointAccess access, MembershipDbContext db, TimeProvider clock, ILogger<FocalPointAccessRecorder> logger)
{
    public async Task GrantAsync(Board board, FocalPointTerm term, string? account, CancellationToken ct)
    {
        if (!term.IsCurrent)
        {
            Record(board, term, FocalPointAccess.Superseded, "Otra designación llegó antes de otorgar el acceso.");
        }
        else if (account is null)
        {
            Record(board, term, FocalPointAccess.NoAccount,
                "El miembro no tiene usuario en el proveedor de identidad: indíquelo (account) para que reciba el acceso.");
        }
        else
        {
            await AttemptAsync(board, term, FocalPointAccess.Granted, "otorgar", () => access.GrantAsync(account, board.MunicipalityCode, ct));
        }
    }

    /// <summary>Takes the scope back from <paramref name="account"/>, recording it on <paramref name="term"/> (an ended one).</summary>
    public Task RevokeAsync(Board board, FocalPointTerm term, string account, CancellationToken ct) =>
        AttemptAsync(board, term, FocalPointAccess.Revoked, "quitar", () => access.RevokeAsync(account, board.MunicipalityCode, ct));

    /// <summary>Takes the scope back from an account that no longer belongs to the term (its account was corrected).</summary>
    public async Task RevokeReplacedAccountAsync(Board board, FocalPointTerm term, string account, CancellationToken ct)
    {
        try
        {
            await access.RevokeAsync(account, board.MunicipalityCode, ct);
        }
        catch (IdentityAdminException exception) when (!exception.Transient)
        {
            logger.LogWarning(exception, "Could not revoke the replaced account of term {TermId}.", term.Id);
            Record(board, term, FocalPointAccess.Failed, $"No se pudo quitar el acceso a la cuenta anterior '{account}': {exception.Message}");
        }
    }

    private async Task AttemptAsync(Board board, FocalPointTerm term, FocalPointAccess success, string verb, Func<Task> call)
    {
        try
        {
            await call();
            Record(board, term, success, null);
        }
        catch (IdentityAdminException exception) when (!exception.Transient)
        {
            logger.LogWarning(exception, "Could not {Verb} the focal-point scope of term {TermId}.", verb, term.Id);
            Record(board, term, FocalPointAccess.Failed, $"No se pudo {verb} el acceso: {exception.Message}");
        }
    }

    private void Record(Board board, FocalPointTerm term, FocalPointAccess outcome, string? detail)
    {
        term.RecordAccess(outcome, detail, clock.GetUtcNow());
        db.AnnounceAccess(board, term, clock);
    }
}
