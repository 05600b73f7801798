namespace Boards.Membership.Features.IdentityLink;

/// <summary>
/// Gives and takes back the focal-point scope of a municipality in the identity provider. Implementations throw
/// <see cref="IdentityProvider.IdentityAdminException"/>; a transient one is retried by the bus.
/// </summary>
public interface IFocalPointAccess
{
    /// <summary>The account gets the focal-point role and the municipality attribute (created if it does not exist).</summary>
    Task GrantAsync(string account, string municipalityCode, CancellationToken ct);

    /// <summary>Takes the role and attribute back, unless the account now holds another municipality's scope.</summary>
    Task RevokeAsync(string account, string municipalityCode, CancellationToken ct);
}
