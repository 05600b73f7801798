namespace Boards.Identity.Features.Admin;

/// <summary>
/// Read-change-save of one user. Keycloak has no version check on users (the last write wins, and role mappings are
/// rows of their own), so a write that loses the xmin race is applied again to the fresh row instead of failing.
/// </summary>
internal sealed class UserWriter(IdentityDbContext db, TimeProvider time)
{
    private const int Attempts = 3;

    public enum Outcome { Changed, Unchanged, NotFound, Conflict }

    /// <summary>Loads the user, lets <paramref name="change"/> modify it (true when it did), stamps and saves.</summary>
    public async Task<(Outcome Outcome, UserAccount? User)> ChangeAsync(
        Guid id, Func<UserAccount, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var user = await db.Users.SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken);
            if (user is null)
            {
                return (Outcome.NotFound, null);
            }

            if (!change(user))
            {
                return (Outcome.Unchanged, user);
            }

            user.UpdatedAt = time.GetUtcNow();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (Outcome.Changed, user);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Someone else changed the row in between: read it again and re-apply.
            }
            catch (DbUpdateConcurrencyException)
            {
                return (Outcome.Conflict, null);
            }
        }
    }
}
