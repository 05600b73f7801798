using System.Net;
using Boards.BuildingBlocks.Outbox;
using Boards.Membership.Features.AppointFocalPoint;
using Boards.Membership.Features.EndMembership;
using Boards.Membership.Features.GetBoard;
using Boards.Membership.Features.ListBoards;
using Boards.Membership.Features.ListFocalPoints;
using Boards.Membership.Features.ListMembers;
using Boards.Membership.Features.Municipalities;

namespace Boards.Membership.Tests.Integration;

/// <summary>
/// Boards, rosters and focal points through the real handlers against real PostgreSQL, and FocalPointAppointed through
/// the real outbox relay onto real RabbitMQ. Each test works in a municipality of its own, so they share one host.
/// </summary>
public sealed class BoardLifecycleTests(MembershipHost host) : IClassFixture<MembershipHost>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private Task<Board> CreateBoardAsync(string code, Caller? caller = null) =>
        host.With<CreateBoardHandler, Board>(h => h.HandleAsync(new CreateBoardCommand
        {
            MunicipalityCode = code,
            ResolutionNumber = "Res. 45/2021",
            ResolutionDate = "2021-04-12",
            ChairName = "Intendenta Municipal",
            ChairRole = ChairRole.Mayor,
        }, caller ?? TestCallers.Admin, None));

    private async Task<Member> AddMemberAsync(string code, string name, Caller? caller = null, Sector sector = Sector.CivilSocietyOrganization, long expectedVersion = 0) =>
        (await host.With<AddMemberHandler, (Board, Member)>(h => h.HandleAsync(code, new AddMemberCommand
        {
            PersonName = name,
            Organization = "Asociación de productores",
            Sector = sector,
            Gender = Gender.Female,
            AgeBand = AgeBand.Youth,
            Territory = new TerritoryInput(Area.Rural, "Compañía San Isidro"),
            Indigenous = true,
            DesignatedOn = "2024-03-01",
            ExpectedVersion = expectedVersion,
        }, caller ?? TestCallers.Admin, None))).Item2;

    private Task<(Board Board, FocalPointTerm Term)> AppointAsync(string code, Guid memberId, string startsOn, Caller? caller = null) =>
        host.With<AppointFocalPointHandler, (Board, FocalPointTerm)>(h =>
            h.HandleAsync(code, new AppointFocalPointCommand(memberId.ToString(), startsOn, 0), caller ?? TestCallers.Admin, None));

    [Fact]
    public async Task The_municipality_registry_is_seeded_from_the_reference_file_and_reseeding_changes_nothing()
    {
        await host.Services.SeedMunicipalitiesAsync();

        var seeded = await host.InScopeAsync(s => s.GetRequiredService<MembershipDbContext>().Municipalities.AsNoTracking()
            .Where(m => !m.Code.StartsWith("prueba-")).ToListAsync());
        Assert.Equal(18, seeded.Count);
        var altoVera = Assert.Single(seeded, m => m.Code == "alto-vera");
        Assert.Equal("Alto Verá", altoVera.Name);
        Assert.Equal("Itapúa", altoVera.Department);
        Assert.Equal(7, altoVera.DepartmentNumber);
    }

    [Fact]
    public async Task A_board_is_created_once_per_municipality_and_read_back()
    {
        var code = await host.NewMunicipalityAsync();

        var created = await CreateBoardAsync(code);
        var again = await Assert.ThrowsAsync<BoardRuleException>(() => CreateBoardAsync(code));
        var read = await host.With<GetBoardHandler, Board>(h => h.HandleAsync(code, TestCallers.Analyst, None));

        Assert.Equal("board_exists", again.Rule);
        Assert.Equal(created.Id, read.Id);
        Assert.Equal(BoardStatus.Installed, read.Status);
        Assert.Equal("Res. 45/2021", read.CreatingAct.ResolutionNumber);
        Assert.Equal(new DateOnly(2021, 4, 12), read.CreatingAct.ResolutionDate);
        Assert.Equal(new Chair("Intendenta Municipal", ChairRole.Mayor), read.Chair);
        Assert.Equal(1, read.Version);
    }

    [Fact]
    public async Task Creating_a_board_reports_every_bad_field_at_once()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => host.With<CreateBoardHandler, Board>(h =>
            h.HandleAsync(new CreateBoardCommand { ResolutionDate = "12/04/2021" }, TestCallers.Admin, None)));

        Assert.Equal(["chairName", "chairRole", "municipalityCode", "resolutionDate", "resolutionNumber"], error.Errors.Keys.Order().ToArray());
    }

    [Fact]
    public async Task A_board_for_an_unknown_municipality_is_a_field_error()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => CreateBoardAsync("no-existe"));

        Assert.Contains("municipalityCode", error.Errors.Keys);
    }

    [Fact]
    public async Task Only_a_ministry_admin_creates_boards()
    {
        var code = await host.NewMunicipalityAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => CreateBoardAsync(code, TestCallers.FocalPoint(code)));
        await Assert.ThrowsAsync<ForbiddenException>(() => CreateBoardAsync(code, TestCallers.Analyst));
        await Assert.ThrowsAsync<NotFoundException>(() => host.With<GetBoardHandler, Board>(h => h.HandleAsync(code, TestCallers.Analyst, None)));
    }

    [Fact]
    public async Task Ending_a_membership_keeps_it_in_the_history_but_not_in_the_active_roster()
    {
        var code = await host.NewMunicipalityAsync();
        await CreateBoardAsync(code);
        var focal = TestCallers.FocalPoint(code);
        var ana = await AddMemberAsync(code, "Ana Benítez", focal);
        var beto = await AddMemberAsync(code, "Beto Giménez", focal, Sector.LocalGovernment);

        var (board, ended) = await host.With<EndMembershipHandler, (Board, Member)>(h =>
            h.HandleAsync(code, ana.Id.ToString(), new EndMembershipCommand("2025-05-31", "Renunció", 0), focal, None));

        Assert.Equal(4, board.Version);
        Assert.Equal(new DateOnly(2025, 5, 31), ended.CeasedOn);
        var active = await host.With<ListMembersHandler, IReadOnlyList<Member>>(h => h.HandleAsync(code, includeCeased: false, focal, None));
        var history = await host.With<ListMembersHandler, IReadOnlyList<Member>>(h => h.HandleAsync(code, includeCeased: true, focal, None));
        Assert.Equal([beto.Id], active.Select(m => m.Id));
        Assert.Equal(2, history.Count);
        var kept = Assert.Single(history, m => m.Id == ana.Id);
        Assert.Equal("Renunció", kept.CeaseReason);
        Assert.Equal(new Territory(Area.Rural, "Compañía San Isidro"), kept.Territory);
        Assert.True(kept.Indigenous);
        Assert.Equal(AgeBand.Youth, kept.AgeBand);

        var rows = await host.InScopeAsync(s => s.GetRequiredService<MembershipDbContext>().Members.CountAsync(m => m.BoardId == board.Id));
        Assert.Equal(2, rows);
    }

    [Fact]
    public async Task Adding_a_member_reports_every_bad_field_at_once()
    {
        var code = await host.NewMunicipalityAsync();
        await CreateBoardAsync(code);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => host.With<AddMemberHandler, (Board, Member)>(h =>
            h.HandleAsync(code, new AddMemberCommand { DesignatedOn = "ayer", ExpectedVersion = -1 }, TestCallers.Admin, None)));

        Assert.Equal(
            ["ageBand", "designatedOn", "expectedVersion", "gender", "organization", "personName", "sector", "territory.area", "territory.locality"],
            error.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Appointing_a_focal_point_ends_the_previous_term_and_announces_it_through_the_outbox_onto_the_bus()
    {
        var code = await host.NewMunicipalityAsync();
        var created = await CreateBoardAsync(code);
        var ana = await AddMemberAsync(code, "Ana Benítez");
        var beto = await AddMemberAsync(code, "Beto Giménez");

        await AppointAsync(code, ana.Id, "2025-01-15");
        var (board, second) = await AppointAsync(code, beto.Id, "2025-05-20", TestCallers.FocalPoint(code));

        var (_, terms) = await host.With<ListFocalPointsHandler, (Board, IReadOnlyList<FocalPointTerm>)>(h => h.HandleAsync(code, TestCallers.Analyst, None));
        Assert.Equal([beto.Id, ana.Id], terms.Select(t => t.MemberId));
        Assert.Equal(second.Id, terms[0].Id);
        Assert.Null(terms[0].EndsOn);
        Assert.Equal(new DateOnly(2025, 5, 20), terms[1].EndsOn);
        var roster = await host.With<ListMembersHandler, IReadOnlyList<Member>>(h => h.HandleAsync(code, false, TestCallers.Analyst, None));
        Assert.Equal(Position.Member, roster.Single(m => m.Id == ana.Id).Position);
        Assert.Equal(Position.FocalPoint, roster.Single(m => m.Id == beto.Id).Position);

        // Both events reach RabbitMQ through the relay, in order, without personal data.
        await MembershipHost.WaitUntilAsync(() => Task.FromResult(host.Appointments.Count(a => a.MunicipalityCode == code) == 2), "two FocalPointAppointed");
        var events = host.Appointments.Where(a => a.MunicipalityCode == code).OrderBy(a => a.BoardVersion).ToList();
        Assert.Equal(created.Id, events[0].BoardId);
        Assert.Equal(ana.Id, events[0].MemberId);
        Assert.Null(events[0].PreviousMemberId);
        Assert.Equal(beto.Id, events[1].MemberId);
        Assert.Equal(ana.Id, events[1].PreviousMemberId);
        Assert.Equal(new DateOnly(2025, 5, 20), events[1].StartsOn);
        Assert.Equal(board.Version, events[1].BoardVersion);

        var outbox = await host.InScopeAsync(s => s.GetRequiredService<MembershipDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.MessageType == OutboxDbContextExtensions.MessageTypeName(typeof(FocalPointAppointed))).ToListAsync());
        Assert.Contains(outbox, m => m.Payload.Contains(beto.Id.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(outbox, m => m.Payload.Contains("Benítez", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_appointment_writes_no_event()
    {
        var code = await host.NewMunicipalityAsync();
        await CreateBoardAsync(code);
        var ana = await AddMemberAsync(code, "Ana Benítez");
        await host.With<EndMembershipHandler, (Board, Member)>(h =>
            h.HandleAsync(code, ana.Id.ToString(), new EndMembershipCommand("2025-01-31", null, 0), TestCallers.Admin, None));

        var refused = await Assert.ThrowsAsync<BoardRuleException>(() => AppointAsync(code, ana.Id, "2025-02-01"));
        await Assert.ThrowsAsync<NotFoundException>(() => AppointAsync(code, Guid.CreateVersion7(), "2025-02-01"));

        Assert.Equal("membership_ended", refused.Rule);
        var (_, terms) = await host.With<ListFocalPointsHandler, (Board, IReadOnlyList<FocalPointTerm>)>(h => h.HandleAsync(code, TestCallers.Admin, None));
        Assert.Empty(terms);
        var outbox = (await host.InScopeAsync(s => s.GetRequiredService<MembershipDbContext>().Set<OutboxMessage>().AsNoTracking()
            .ToListAsync())).Where(m => m.Payload.Contains(code, StringComparison.Ordinal)).Select(m => m.MessageType).ToList();
        Assert.DoesNotContain(OutboxDbContextExtensions.MessageTypeName(typeof(FocalPointAppointed)), outbox);
        // Only the representativity of the three changes that were made (created, added, ended); nothing from the refusals.
        Assert.Equal(3, outbox.Count(type => type == OutboxDbContextExtensions.MessageTypeName(typeof(RepresentativityAssessed))));
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_conflict()
    {
        var code = await host.NewMunicipalityAsync();
        await CreateBoardAsync(code);
        await AddMemberAsync(code, "Ana Benítez", expectedVersion: 1);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AddMemberAsync(code, "Beto Giménez", expectedVersion: 1));
    }

    [Fact]
    public async Task Two_writers_on_the_same_board_version_conflict_through_xmin()
    {
        var code = await host.NewMunicipalityAsync();
        await CreateBoardAsync(code);
        var ana = await AddMemberAsync(code, "Ana Benítez");
        var beto = await AddMemberAsync(code, "Beto Giménez");

        await using var first = host.Services.CreateAsyncScope();
        await using var second = host.Services.CreateAsyncScope();
        var store1 = first.ServiceProvider.GetRequiredService<BoardStore>();
        var store2 = second.ServiceProvider.GetRequiredService<BoardStore>();
        var board1 = await store1.LoadForChangeAsync(code, 0, TestCallers.Admin, None);
        var board2 = await store2.LoadForChangeAsync(code, 0, TestCallers.Admin, None);

        board1.AppointFocalPoint(board1.FindMember(ana.Id)!, new DateOnly(2025, 3, 1), "uno", DateTimeOffset.UtcNow);
        await store1.SaveAsync(None);
        board2.AppointFocalPoint(board2.FindMember(beto.Id)!, new DateOnly(2025, 3, 1), "dos", DateTimeOffset.UtcNow);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store2.SaveAsync(None));
        var (_, terms) = await host.With<ListFocalPointsHandler, (Board, IReadOnlyList<FocalPointTerm>)>(h => h.HandleAsync(code, TestCallers.Admin, None));
        Assert.Equal(ana.Id, Assert.Single(terms).MemberId);
    }

    [Fact]
    public async Task The_database_refuses_a_second_open_focal_point_term()
    {
        var code = await host.NewMunicipalityAsync();
        var board = await CreateBoardAsync(code);
        var ana = await AddMemberAsync(code, "Ana Benítez");
        var beto = await AddMemberAsync(code, "Beto Giménez");
        await AppointAsync(code, ana.Id, "2025-01-15");

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => host.InScopeAsync(s => s.GetRequiredService<MembershipDbContext>().Database.ExecuteSqlAsync(
            $"INSERT INTO focal_point_terms (\"Id\", \"BoardId\", \"MemberId\", \"StartsOn\", \"AppointedAt\", \"AppointedBy\") VALUES ({Guid.CreateVersion7()}, {board.Id}, {beto.Id}, {new DateOnly(2025, 2, 1)}, {DateTimeOffset.UtcNow}, {"sql"})")));

        Assert.Equal(Npgsql.PostgresErrorCodes.UniqueViolation, error.SqlState);
        Assert.Equal("ux_focal_point_terms_one_current", error.ConstraintName);
    }

    [Fact]
    public async Task A_focal_point_of_another_municipality_is_refused_and_lists_only_its_own()
    {
        var own = await host.NewMunicipalityAsync();
        var other = await host.NewMunicipalityAsync();
        await CreateBoardAsync(own);
        await CreateBoardAsync(other);
        var ana = await AddMemberAsync(other, "Ana Benítez");
        var intruder = TestCallers.FocalPoint(own);

        await Assert.ThrowsAsync<ForbiddenException>(() => AddMemberAsync(other, "Beto", intruder));
        await Assert.ThrowsAsync<ForbiddenException>(() => AppointAsync(other, ana.Id, "2025-02-01", intruder));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.With<GetBoardHandler, Board>(h => h.HandleAsync(other, intruder, None)));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.With<ListMembersHandler, IReadOnlyList<Member>>(h => h.HandleAsync(other, true, intruder, None)));
        await Assert.ThrowsAsync<ForbiddenException>(() => AddMemberAsync(other, "Beto", TestCallers.Analyst));
        await Assert.ThrowsAsync<ForbiddenException>(() => AddMemberAsync(other, "Beto", TestCallers.Of(null, BoardsRoles.InstitutionOfficer)));

        var mine = await host.With<ListBoardsHandler, IReadOnlyList<Board>>(h => h.HandleAsync(new ListBoardsQuery(null, null), intruder, None));
        var all = await host.With<ListBoardsHandler, IReadOnlyList<Board>>(h => h.HandleAsync(new ListBoardsQuery(null, null), TestCallers.Analyst, None));
        Assert.Equal(own, Assert.Single(mine).MunicipalityCode);
        Assert.Contains(all, b => b.MunicipalityCode == other);
        Assert.Contains(all, b => b.MunicipalityCode == own);
    }

    [Fact]
    public async Task Without_a_token_the_api_answers_401()
    {
        using var client = host.Factory.CreateClient();

        var response = await client.GetAsync("/api/boards");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
