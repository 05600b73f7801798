using Boards.Membership.Features.IdentityLink.IdentityProvider;

namespace Boards.Membership.Features.IdentityLink;

/// <summary>
/// Grants or revokes through <see cref="IFocalPointAccess"/> and records the outcome on the term. A transient failure
/// (the provider unreachable) is rethrown so that the consumer's transaction rolls back and the bus retries; a refusal
/// is recorded as failed with the reason in Spanish.
/// </summary>
public sealed class FocalPointAccessRecorder(IFocalPointAccess access, TimeProvider clock, ILogger<FocalPointAccessRecorder> logger)
{
    public async Task GrantAsync(Board board, FocalPointTerm term, string? account, CancellationToken ct)
    {
        if (!term.IsCurrent)
        {
            term.RecordAccess(FocalPointAccess.Superseded, "Otra designación llegó antes de otorgar el acceso.", clock.GetUtcNow());
        }
        else if (account is null)
        {
            term.RecordAccess(FocalPointAccess.NoAccount,
                "El miembro no tiene usuario en el proveedor de identidad: indíquelo (account) para que reciba el acceso.", clock.GetUtcNow());
        }
        else
        {
            await AttemptAsync(term, FocalPointAccess.Granted, "otorgar", () => access.GrantAsync(account, board.MunicipalityCode, ct));
        }
    }

    /// <summary>Takes the scope back from <paramref name="account"/>, recording it on <paramref name="term"/> (an ended one).</summary>
    public Task RevokeAsync(Board board, FocalPointTerm term, string account, CancellationToken ct) =>
        AttemptAsync(term, FocalPointAccess.Revoked, "quitar", () => access.RevokeAsync(account, board.MunicipalityCode, ct));

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
            term.RecordAccess(FocalPointAccess.Failed, $"No se pudo quitar el acceso a la cuenta anterior '{account}': {exception.Message}", clock.GetUtcNow());
        }
    }

    private async Task AttemptAsync(FocalPointTerm term, FocalPointAccess success, string verb, Func<Task> call)
    {
        try
        {
            await call();
            term.RecordAccess(success, null, clock.GetUtcNow());
        }
        catch (IdentityAdminException exception) when (!exception.Transient)
        {
            logger.LogWarning(exception, "Could not {Verb} the focal-point scope of term {TermId}.", verb, term.Id);
            term.RecordAccess(FocalPointAccess.Failed, $"No se pudo {verb} el acceso: {exception.Message}", clock.GetUtcNow());
        }
    }
}
