namespace Boards.Membership.Tests.Representativity;

/// <summary>Builders for hand-computed boards.</summary>
internal static class TestBoards
{
    public static readonly MunicipalityContext NoRuralNoIndigenous = new(0, false);

    public static RepresentativityMember Member(
        Sector sector,
        Gender gender = Gender.Female,
        AgeBand age = AgeBand.Adult,
        Area area = Area.Urban,
        string locality = "Centro",
        bool voting = true,
        bool active = true) =>
        new(Guid.NewGuid(), sector, gender, age, new Territory(area, locality), Indigenous: false, Disability: false, voting, active);

    public static IEnumerable<RepresentativityMember> Many(int count, Sector sector, Gender gender = Gender.Female) =>
        Enumerable.Range(0, count).Select(_ => Member(sector, gender)).ToList();

    /// <summary>
    /// The worked example of docs/representativity.md: 20 members exactly on the default target composition
    /// (3 local government, 5 national institutions, 1 governorate, 4 civil society, 4 community organizations,
    /// 2 indigenous communities, 1 private sector); 8 women and 12 men; 3 youths; rural members from 3 distinct
    /// localities (spelled in different ways) of the municipality's 5.
    /// </summary>
    public static List<RepresentativityMember> OnTarget()
    {
        var members = new List<RepresentativityMember>
        {
            Member(Sector.LocalGovernment, Gender.Female, AgeBand.Youth),
            Member(Sector.LocalGovernment, Gender.Male),
            Member(Sector.LocalGovernment, Gender.Male),
            Member(Sector.NationalInstitution, Gender.Female),
            Member(Sector.NationalInstitution, Gender.Female),
            Member(Sector.NationalInstitution, Gender.Male, AgeBand.Senior),
            Member(Sector.NationalInstitution, Gender.Male),
            Member(Sector.NationalInstitution, Gender.Male),
            Member(Sector.Governorate, Gender.Male),
            Member(Sector.CivilSocietyOrganization, Gender.Female, AgeBand.Youth),
            Member(Sector.CivilSocietyOrganization, Gender.Female),
            Member(Sector.CivilSocietyOrganization, Gender.Male),
            Member(Sector.CivilSocietyOrganization, Gender.Male),
            Member(Sector.CommunityOrganization, Gender.Female, AgeBand.Youth, Area.Rural, "Compañía Potrero"),
            Member(Sector.CommunityOrganization, Gender.Female, AgeBand.Adult, Area.Rural, " compania potrero "),
            Member(Sector.CommunityOrganization, Gender.Male, AgeBand.Adult, Area.Rural, "Tacuara"),
            Member(Sector.CommunityOrganization, Gender.Male),
            Member(Sector.IndigenousCommunity, Gender.Female, AgeBand.Adult, Area.Rural, "Y'aka Marangatu"),
            Member(Sector.IndigenousCommunity, Gender.Male, AgeBand.Adult, Area.Rural, "Tacuara"),
            Member(Sector.PrivateSector, Gender.Male),
        };
        return members;
    }

    public static readonly MunicipalityContext FiveRuralWithIndigenous = new(5, true);
}
