namespace Boards.Membership.Features.IdentityLink.IdentityProvider;

/// <summary>
/// The identity provider refused or could not be reached. Transient failures (network, 5xx, 429) are worth retrying;
/// the others (401/403: the service account lacks manage-users, 404: unknown role, 400) need a person to fix something.
/// </summary>
public sealed class IdentityAdminException(string message, bool transient, Exception? inner = null) : Exception(message, inner)
{
    public bool Transient { get; } = transient;
}
