namespace Boards.Membership.Tests.Domain;

public sealed class BoardTests
{
    private static readonly DateTimeOffset Now = TestBoards.Now;

    [Fact]
    public void A_new_board_starts_at_version_1_without_members_or_focal_point()
    {
        var board = TestBoards.New();

        Assert.Equal(1, board.Version);
        Assert.Equal(BoardStatus.Installed, board.Status);
        Assert.Empty(board.Members);
        Assert.Null(board.CurrentFocalPointTerm);
        Assert.Equal(7, board.Id.Version);
    }

    [Fact]
    public void A_resolution_dated_in_the_future_is_refused()
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            Board.Create("alto-vera", new CreatingAct("R-1", new DateOnly(2025, 7, 1)), new Chair("X", ChairRole.Delegate), BoardStatus.Installed, "admin", Now));

        Assert.Equal("resolutionDate", error.Field);
    }

    [Fact]
    public void Adding_a_member_bumps_the_version_and_the_member_is_active()
    {
        var board = TestBoards.New();

        var member = board.AddMember(TestBoards.Person("Ana Benítez"), "focal", Now);

        Assert.True(member.IsActive);
        Assert.Equal(board.Id, member.BoardId);
        Assert.Equal(2, board.Version);
        Assert.Equal(7, member.Id.Version);
    }

    [Fact]
    public void A_member_cannot_be_added_directly_as_focal_point()
    {
        var board = TestBoards.New();

        var error = Assert.Throws<DomainValidationException>(() => board.AddMember(TestBoards.Person("Ana", position: Position.FocalPoint), "admin", Now));

        Assert.Equal("position", error.Field);
        Assert.Empty(board.Members);
    }

    [Fact]
    public void The_same_person_for_the_same_organization_cannot_be_active_twice()
    {
        var board = TestBoards.New();
        board.AddMember(TestBoards.Person("Ana Benítez"), "admin", Now);

        var error = Assert.Throws<BoardRuleException>(() => board.AddMember(TestBoards.Person("ana benítez"), "admin", Now));

        Assert.Equal("member_already_active", error.Rule);
    }

    [Fact]
    public void Ending_a_membership_keeps_it_as_history()
    {
        var board = TestBoards.New();
        var member = board.AddMember(TestBoards.Person("Ana Benítez"), "admin", Now);

        board.EndMembership(member, new DateOnly(2025, 5, 31), "Renunció", Now);

        var kept = Assert.Single(board.Members);
        Assert.Same(member, kept);
        Assert.False(kept.IsActive);
        Assert.Equal(new DateOnly(2025, 5, 31), kept.CeasedOn);
        Assert.Equal("Renunció", kept.CeaseReason);
        Assert.Empty(board.ActiveMembers);
        Assert.Equal(3, board.Version);
    }

    [Fact]
    public void An_ended_membership_cannot_end_again_and_the_person_can_rejoin()
    {
        var board = TestBoards.New();
        var member = board.AddMember(TestBoards.Person("Ana Benítez"), "admin", Now);
        board.EndMembership(member, new DateOnly(2025, 5, 31), null, Now);

        Assert.Equal("membership_ended", Assert.Throws<BoardRuleException>(() => board.EndMembership(member, new DateOnly(2025, 6, 1), null, Now)).Rule);

        board.AddMember(TestBoards.Person("Ana Benítez", designatedOn: new DateOnly(2025, 6, 1)), "admin", Now);
        Assert.Equal(2, board.Members.Count);
        Assert.Single(board.ActiveMembers);
    }

    [Theory]
    [InlineData("2023-12-31", "ceasedOn")] // before the designation (2024-01-10)
    [InlineData("2025-06-10", "ceasedOn")] // in the future
    public void A_cease_date_must_fall_between_designation_and_today(string date, string field)
    {
        var board = TestBoards.New();
        var member = board.AddMember(TestBoards.Person("Ana"), "admin", Now);

        var error = Assert.Throws<DomainValidationException>(() => board.EndMembership(member, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), null, Now));

        Assert.Equal(field, error.Field);
        Assert.True(member.IsActive);
    }

    [Fact]
    public void The_first_appointment_opens_the_only_term()
    {
        var board = TestBoards.New();
        var ana = board.AddMember(TestBoards.Person("Ana"), "admin", Now);

        var (term, previous) = board.AppointFocalPoint(ana, new DateOnly(2025, 2, 1), "admin", Now);

        Assert.Null(previous);
        Assert.Same(term, board.CurrentFocalPointTerm);
        Assert.Equal(ana.Id, term.MemberId);
        Assert.Null(term.EndsOn);
        Assert.Equal(Position.FocalPoint, ana.Position);
    }

    [Fact]
    public void Appointing_a_new_focal_point_ends_the_previous_term_the_same_day()
    {
        var board = TestBoards.New();
        var ana = board.AddMember(TestBoards.Person("Ana"), "admin", Now);
        var beto = board.AddMember(TestBoards.Person("Beto", gender: Gender.Male), "admin", Now);
        var (first, _) = board.AppointFocalPoint(ana, new DateOnly(2025, 2, 1), "admin", Now);

        var (second, previous) = board.AppointFocalPoint(beto, new DateOnly(2025, 5, 20), "admin", Now);

        Assert.Equal(ana.Id, previous);
        Assert.Equal(new DateOnly(2025, 5, 20), first.EndsOn);
        Assert.False(first.IsCurrent);
        Assert.True(second.IsCurrent);
        Assert.Equal(2, board.FocalPointTerms.Count);
        Assert.Single(board.FocalPointTerms, t => t.IsCurrent);
        Assert.Equal(Position.Member, ana.Position);
        Assert.Equal(Position.FocalPoint, beto.Position);
        Assert.True(ana.IsActive); // ending the term does not end the membership
    }

    [Fact]
    public void There_is_never_more_than_one_open_term_after_many_appointments()
    {
        var board = TestBoards.New();
        var people = Enumerable.Range(1, 5).Select(i => board.AddMember(TestBoards.Person($"Persona {i}"), "admin", Now)).ToList();

        for (var i = 0; i < 10; i++)
        {
            board.AppointFocalPoint(people[i % people.Count], new DateOnly(2025, 1, 1).AddDays(i * 7), "admin", Now);
            Assert.Single(board.FocalPointTerms, t => t.IsCurrent);
            Assert.Single(board.Members, m => m.Position == Position.FocalPoint);
        }

        Assert.Equal(10, board.FocalPointTerms.Count);
    }

    [Fact]
    public void The_current_focal_point_cannot_be_appointed_again()
    {
        var board = TestBoards.New();
        var ana = board.AddMember(TestBoards.Person("Ana"), "admin", Now);
        board.AppointFocalPoint(ana, new DateOnly(2025, 2, 1), "admin", Now);

        Assert.Equal("already_focal_point", Assert.Throws<BoardRuleException>(() => board.AppointFocalPoint(ana, new DateOnly(2025, 3, 1), "admin", Now)).Rule);
    }

    [Fact]
    public void A_ceased_member_cannot_be_appointed()
    {
        var board = TestBoards.New();
        var ana = board.AddMember(TestBoards.Person("Ana"), "admin", Now);
        board.EndMembership(ana, new DateOnly(2025, 1, 1), null, Now);

        Assert.Equal("membership_ended", Assert.Throws<BoardRuleException>(() => board.AppointFocalPoint(ana, new DateOnly(2025, 2, 1), "admin", Now)).Rule);
        Assert.Empty(board.FocalPointTerms);
    }

    [Fact]
    public void A_new_term_cannot_start_before_the_current_one()
    {
        var board = TestBoards.New();
        var ana = board.AddMember(TestBoards.Person("Ana"), "admin", Now);
        var beto = board.AddMember(TestBoards.Person("Beto"), "admin", Now);
        var (first, _) = board.AppointFocalPoint(ana, new DateOnly(2025, 3, 1), "admin", Now);

        var error = Assert.Throws<DomainValidationException>(() => board.AppointFocalPoint(beto, new DateOnly(2025, 2, 1), "admin", Now));

        Assert.Equal("startsOn", error.Field);
        Assert.True(first.IsCurrent);
        Assert.Equal(Position.FocalPoint, ana.Position);
    }

    [Fact]
    public void The_focal_points_membership_cannot_end_until_someone_else_is_appointed()
    {
        var board = TestBoards.New();
        var ana = board.AddMember(TestBoards.Person("Ana"), "admin", Now);
        var beto = board.AddMember(TestBoards.Person("Beto"), "admin", Now);
        board.AppointFocalPoint(ana, new DateOnly(2025, 2, 1), "admin", Now);

        Assert.Equal("focal_point_required", Assert.Throws<BoardRuleException>(() => board.EndMembership(ana, new DateOnly(2025, 5, 1), null, Now)).Rule);

        board.AppointFocalPoint(beto, new DateOnly(2025, 5, 1), "admin", Now);
        board.EndMembership(ana, new DateOnly(2025, 5, 1), "Terminó su período", Now);
        Assert.False(ana.IsActive);
        Assert.Equal(beto.Id, board.CurrentFocalPointTerm!.MemberId);
    }

    [Fact]
    public void Changing_to_the_same_status_is_refused()
    {
        var board = TestBoards.New();

        Assert.Equal("same_status", Assert.Throws<BoardRuleException>(() => board.ChangeStatus(BoardStatus.Installed, Now)).Rule);
        board.ChangeStatus(BoardStatus.Active, Now);
        Assert.Equal(BoardStatus.Active, board.Status);
        Assert.Equal(2, board.Version);
    }

    [Theory]
    [InlineData(Sector.LocalGovernment, "local_government")]
    [InlineData(Sector.CivilSocietyOrganization, "civil_society_organization")]
    [InlineData(Sector.IndigenousCommunity, "indigenous_community")]
    [InlineData(Sector.PrivateSector, "private_sector")]
    public void Sector_codes_are_snake_case(Sector sector, string code) => Assert.Equal(code, Codes.Of(sector));

    [Fact]
    public void Position_focal_point_is_spelled_focal_point() => Assert.Equal("focal_point", Codes.Of(Position.FocalPoint));
}
