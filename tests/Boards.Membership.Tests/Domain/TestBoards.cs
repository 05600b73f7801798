namespace Boards.Membership.Tests.Domain;

internal static class TestBoards
{
    public static readonly DateTimeOffset Now = new(2025, 6, 2, 13, 0, 0, TimeSpan.Zero);

    public static Board New(string code = "alto-vera") =>
        Board.Create(code, new CreatingAct("Res. 12/2021", new DateOnly(2021, 3, 15)), new Chair("Intendente Municipal", ChairRole.Mayor),
            BoardStatus.Installed, "admin", Now);

    public static NewMember Person(
        string name,
        Sector sector = Sector.CivilSocietyOrganization,
        Gender gender = Gender.Female,
        Position position = Position.Member,
        DateOnly? designatedOn = null,
        string organization = "Comisión vecinal") =>
        new(name, organization, sector, gender, AgeBand.Adult, new Territory(Area.Rural, "Compañía 3"),
            Indigenous: false, Disability: false, position, Voting: true, designatedOn ?? new DateOnly(2024, 1, 10));
}
