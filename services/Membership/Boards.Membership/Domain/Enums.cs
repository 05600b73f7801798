namespace Boards.Membership.Domain;

/// <summary>installed (act signed, not yet meeting), active (meeting), inactive (stopped meeting).</summary>
public enum BoardStatus
{
    Installed = 1,
    Active,
    Inactive,
}

/// <summary>Who chairs the board: the mayor (intendente) or the mayor's delegate.</summary>
public enum ChairRole
{
    Mayor = 1,
    Delegate,
}

public enum Sector
{
    LocalGovernment = 1,
    NationalInstitution,
    Governorate,
    CivilSocietyOrganization,
    CommunityOrganization,
    IndigenousCommunity,
    PrivateSector,
    Academia,
    Other,
}

public enum Gender
{
    Female = 1,
    Male,
    Other,
}

/// <summary>youth 15–29 (the youth band of DOMAIN.md), adult 30–64, senior 65 and over.</summary>
public enum AgeBand
{
    Youth = 1,
    Adult,
    Senior,
}

public enum Area
{
    Urban = 1,
    Rural,
}

public enum Position
{
    Chair = 1,
    FocalPoint,
    Secretary,
    Member,
}

/// <summary>
/// The identity link of a focal point term. pending: the grant has not been made yet; granted: the account has the
/// focal-point scope of the municipality; no_account: the member has no account to grant; failed: the identity
/// provider refused (AccessDetail says why); revoked: the term ended and the scope was taken back; superseded: another
/// appointment came before the grant was made.
/// </summary>
public enum FocalPointAccess
{
    Pending = 1,
    Granted,
    NoAccount,
    Failed,
    Revoked,
    Superseded,
}
