namespace Boards.Membership.Tests.Domain;

public sealed class CorrectionTests
{
    private static readonly DateTimeOffset Now = TestBoards.Now;

    [Fact]
    public void A_correction_replaces_the_recorded_data_keeps_the_id_and_bumps_the_version()
    {
        var board = TestBoards.New();
        var member = board.AddMember(TestBoards.Person("Ana Benitez", Sector.Other), "focal", Now);

        board.CorrectMember(member, TestBoards.Person("Ana Benítez", Sector.CivilSocietyOrganization) with { Account = "ana.benitez" }, "admin", Now);

        Assert.Equal("Ana Benítez", member.PersonName);
        Assert.Equal(Sector.CivilSocietyOrganization, member.Sector);
        Assert.Equal("ana.benitez", member.Account);
        Assert.Equal("admin", member.CorrectedBy);
        Assert.Equal(3, board.Version);
        Assert.Single(board.Members);
    }

    [Fact]
    public void A_correction_cannot_make_or_unmake_the_focal_point()
    {
        var board = TestBoards.New();
        var ana = board.AddMember(TestBoards.Person("Ana"), "focal", Now);
        var beto = board.AddMember(TestBoards.Person("Beto", organization: "Municipalidad"), "focal", Now);
        board.AppointFocalPoint(ana, new DateOnly(2025, 1, 1), "admin", Now);

        var demote = Assert.Throws<BoardRuleException>(() => board.CorrectMember(ana, TestBoards.Person("Ana"), "admin", Now));
        var promote = Assert.Throws<DomainValidationException>(() =>
            board.CorrectMember(beto, TestBoards.Person("Beto", organization: "Municipalidad", position: Position.FocalPoint), "admin", Now));

        Assert.Equal("focal_point_required", demote.Rule);
        Assert.Equal("position", promote.Field);
    }

    [Fact]
    public void A_correction_cannot_duplicate_another_active_member_or_designate_after_the_cease_date()
    {
        var board = TestBoards.New();
        board.AddMember(TestBoards.Person("Ana"), "focal", Now);
        var beto = board.AddMember(TestBoards.Person("Beto"), "focal", Now);
        var carla = board.AddMember(TestBoards.Person("Carla"), "focal", Now);
        board.EndMembership(carla, new DateOnly(2025, 3, 1), "Renunció", Now);

        var duplicate = Assert.Throws<BoardRuleException>(() => board.CorrectMember(beto, TestBoards.Person("ana"), "admin", Now));
        var late = Assert.Throws<DomainValidationException>(() =>
            board.CorrectMember(carla, TestBoards.Person("Carla", designatedOn: new DateOnly(2025, 4, 1)), "admin", Now));

        Assert.Equal("member_already_active", duplicate.Rule);
        Assert.Equal("designatedOn", late.Field);
        Assert.Equal("Beto", beto.PersonName);
    }

    [Fact]
    public void The_act_and_chair_are_replaced_and_an_identical_update_is_refused()
    {
        var board = TestBoards.New();

        board.UpdateDetails(new CreatingAct("Res. 99/2024", new DateOnly(2024, 5, 2)), new Chair("Delegada", ChairRole.Delegate), Now);
        var same = Assert.Throws<BoardRuleException>(() =>
            board.UpdateDetails(new CreatingAct("Res. 99/2024", new DateOnly(2024, 5, 2)), new Chair("Delegada", ChairRole.Delegate), Now));

        Assert.Equal(new Chair("Delegada", ChairRole.Delegate), board.Chair);
        Assert.Equal(2, board.Version);
        Assert.Equal("no_change", same.Rule);
    }
}
