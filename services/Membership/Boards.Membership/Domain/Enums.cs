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
