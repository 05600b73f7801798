namespace Boards.Identity.Accounts;

/// <summary>
/// The longest text the admin API takes for a user's name, first and last name, e-mail and attribute values: Keycloak's
/// 255 characters. The admin API's checks and the database columns use it (docs/identity.md).
/// </summary>
public static class IdentityLimits
{
    public const int Text = 255;

    /// <summary>
    /// The longest client id the admin API registers: its service account is named <c>service-account-{clientId}</c>,
    /// which must still fit a user name.
    /// </summary>
    public const int ClientId = 200;
}
