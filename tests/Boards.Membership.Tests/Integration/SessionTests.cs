using System.Security.Claims;
using Boards.BuildingBlocks.Outbox;
using Boards.Membership.Api.Rest;
using Boards.Membership.Domain.Sessions;
using Boards.Membership.Features.ChangeAgreementStatus;
using Boards.Membership.Features.CloseSession;
using Boards.Membership.Features.CorrectSession;
using Boards.Membership.Features.EndMembership;
using Boards.Membership.Features.GetRepresentativity;
using Boards.Membership.Features.GetSession;
using Boards.Membership.Features.ListSessions;
using Boards.Membership.Features.RecordSession;
using Microsoft.AspNetCore.Http;

namespace Boards.Membership.Tests.Integration;

/// <summary>
/// Board sessions through the real handlers against real PostgreSQL: quorum, attendance rules, agreements and their
/// events (outbox and RabbitMQ), scope, the draft/closed rule and the attendance-weighted representativity.
/// </summary>
public sealed class SessionTests(MembershipHost host) : IClassFixture<MembershipHost>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<string> BoardAsync()
    {
        var code = await host.NewMunicipalityAsync();
        await host.With<CreateBoardHandler, Board>(h => h.HandleAsync(new CreateBoardCommand
        {
            MunicipalityCode = code,
            ResolutionNumber = "Res. 12/2022",
            ResolutionDate = "2022-02-01",
            ChairName = "Intendente Municipal",
            ChairRole = ChairRole.Mayor,
        }, TestCallers.Admin, None));
        return code;
    }

    private async Task<Member> AddAsync(string code, string name, Sector sector, Gender gender = Gender.Female, bool voting = true,
        string designatedOn = "2024-01-15") =>
        (await host.With<AddMemberHandler, (Board, Member)>(h => h.HandleAsync(code, new AddMemberCommand
        {
            PersonName = name,
            Organization = $"Organización de {name}",
            Sector = sector,
            Gender = gender,
            AgeBand = AgeBand.Adult,
            Territory = new TerritoryInput(Area.Urban, "Centro"),
            Voting = voting,
            DesignatedOn = designatedOn,
        }, TestCallers.Admin, None))).Item2;

    private Task<(Board Board, Session Session)> RecordAsync(string code, string date, IEnumerable<Member> attendees,
        IReadOnlyList<AgreementInput>? agreements = null, Caller? caller = null, bool close = false) =>
        host.With<RecordSessionHandler, (Board, Session)>(h => h.HandleAsync(code, new RecordSessionCommand
        {
            Date = date,
            Agenda = "1. Lectura del acta anterior. 2. Plan de protección social.",
            Minutes = "Se dio lectura al acta anterior.",
            Attendees = attendees.Select(m => m.Id.ToString()).ToList(),
            Agreements = agreements,
            Close = close,
        }, caller ?? TestCallers.Admin, None));

    [Fact]
    public void Quorum_is_strictly_more_than_the_fraction_of_voting_members()
    {
        Assert.Equal(4, QuorumRule.Majority.Required(7)); // 3.5 → more than half is 4
        Assert.Equal(4, QuorumRule.Majority.Required(6)); // 3 is exactly half: not enough
        Assert.Equal(1, QuorumRule.Majority.Required(1));
        Assert.Equal(5, new QuorumRule(0.667m).Required(6)); // two thirds of 6 is 4: more than that is 5
    }

    [Fact]
    public async Task A_session_with_a_majority_of_voting_members_has_quorum_and_one_without_it_does_not()
    {
        var code = await BoardAsync();
        // 5 voting members and 1 without vote: quorum needs floor(0.5 × 5) + 1 = 3 voting members present.
        var voting = new List<Member>();
        for (var i = 0; i < 5; i++)
        {
            voting.Add(await AddAsync(code, $"Votante {i}", Sector.CivilSocietyOrganization));
        }

        var observer = await AddAsync(code, "Observadora", Sector.Academia, voting: false);

        var (_, reached) = await RecordAsync(code, "2025-03-10", voting.Take(3));
        var (_, notReached) = await RecordAsync(code, "2025-04-10", voting.Take(2).Append(observer));

        Assert.Equal((5, 3, 3, true), (reached.VotingMembers, reached.VotingPresent, reached.QuorumRequired, reached.QuorumReached));
        // 3 present, but only 2 of them vote: 2 < 3.
        Assert.Equal(3, notReached.Attendees.Count);
        Assert.Equal((5, 2, 3, false), (notReached.VotingMembers, notReached.VotingPresent, notReached.QuorumRequired, notReached.QuorumReached));
        Assert.Equal(SessionStatus.Draft, reached.Status);

        var (_, sessions) = await host.With<ListSessionsHandler, (Board, IReadOnlyList<Session>)>(h => h.HandleAsync(code, TestCallers.Analyst, None));
        Assert.Equal([notReached.Id, reached.Id], sessions.Select(s => s.Id).ToArray()); // newest first
        Assert.Equal([true, false], new[] { reached.Id, notReached.Id }.Select(id => sessions.Single(s => s.Id == id).QuorumReached).ToArray());
    }

    [Fact]
    public async Task Attendance_of_a_non_member_or_of_a_member_not_active_on_the_session_date_is_refused()
    {
        var code = await BoardAsync();
        var other = await BoardAsync();
        var stranger = await AddAsync(other, "De otra mesa", Sector.Academia);
        var present = await AddAsync(code, "Presente", Sector.LocalGovernment);
        var ceased = await AddAsync(code, "Cesada", Sector.CivilSocietyOrganization, designatedOn: "2024-01-15");
        await host.With<EndMembershipHandler, (Board, Member)>(h =>
            h.HandleAsync(code, ceased.Id.ToString(), new EndMembershipCommand("2025-01-31", "Renuncia", 0), TestCallers.Admin, None));
        var late = await AddAsync(code, "Designada después", Sector.Academia, designatedOn: "2025-06-01");

        var notMember = await Assert.ThrowsAsync<DomainValidationException>(() => RecordAsync(code, "2025-03-10", [present, stranger]));
        var notActive = await Assert.ThrowsAsync<DomainValidationException>(() => RecordAsync(code, "2025-03-10", [ceased]));
        var notYet = await Assert.ThrowsAsync<DomainValidationException>(() => RecordAsync(code, "2025-03-10", [late]));
        // Before she ceased, she could attend.
        var (_, before) = await RecordAsync(code, "2025-01-20", [ceased, present]);

        Assert.Equal("attendees[1]", notMember.Field);
        Assert.Contains("no es una membresía de esta mesa", notMember.Message, StringComparison.Ordinal);
        Assert.Equal("attendees[0]", notActive.Field);
        Assert.Contains("no estaba activa el 2025-03-10", notActive.Message, StringComparison.Ordinal);
        Assert.Equal("attendees[0]", notYet.Field);
        Assert.Equal(2, before.Attendees.Count);
        var stored = await host.InScopeAsync(s => s.GetRequiredService<MembershipDbContext>().Sessions.AsNoTracking()
            .Where(x => x.BoardId == before.BoardId).CountAsync());
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task Bad_session_fields_are_reported_together()
    {
        var code = await BoardAsync();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => host.With<RecordSessionHandler, (Board, Session)>(h =>
            h.HandleAsync(code, new RecordSessionCommand
            {
                Date = "10/03/2025",
                Attendees = ["no-es-un-id"],
                Agreements = [new AgreementInput(null, null, "2025-13-01", null)],
            }, TestCallers.Admin, None)));

        Assert.Equal(["agenda", "agreements[0].dueOn", "agreements[0].responsibleInstitution", "agreements[0].what", "attendees[0]", "date"],
            error.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Agreements_are_stored_and_announced_through_the_outbox_onto_the_bus_with_the_session()
    {
        var code = await BoardAsync();
        var ana = await AddAsync(code, "Ana Benítez", Sector.LocalGovernment);
        var luis = await AddAsync(code, "Luis Duarte", Sector.CivilSocietyOrganization, Gender.Male);

        var (board, session) = await RecordAsync(code, "2025-05-05", [ana, luis],
        [
            new AgreementInput("Relevar familias sin acceso a agua potable", "MUNICIPALIDAD", "2025-06-30", null),
            new AgreementInput("Jornada de cedulación en la compañía San Isidro", "identificaciones", "2025-07-15", AgreementStatus.InProgress),
        ]);

        Assert.Equal(2, session.Agreements.Count);
        var (_, read) = await host.With<GetSessionHandler, (Board, Session)>(h => h.HandleAsync(code, session.Id.ToString(), TestCallers.FocalPoint(code), None));
        Assert.Equal(["identificaciones", "municipalidad"], read.Agreements.Select(a => a.ResponsibleInstitution).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(AgreementStatus.Pending, read.Agreements.Single(a => a.ResponsibleInstitution == "municipalidad").Status);

        var outbox = (await host.InScopeAsync(s => s.GetRequiredService<MembershipDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync()))
            .Where(m => m.Payload.Contains(session.Id.ToString(), StringComparison.Ordinal)).ToList();
        var held = Assert.Single(outbox, m => m.MessageType == OutboxDbContextExtensions.MessageTypeName(typeof(SessionHeld)));
        Assert.Equal(2, outbox.Count(m => m.MessageType == OutboxDbContextExtensions.MessageTypeName(typeof(AgreementRecorded))));
        Assert.DoesNotContain(outbox, m => m.Payload.Contains("Benítez", StringComparison.Ordinal) || m.Payload.Contains(ana.Id.ToString(), StringComparison.Ordinal));
        var heldEvent = JsonSerializer.Deserialize<SessionHeld>(held.Payload, JsonSerializerOptions.Web)!;
        Assert.Equal((board.Id, code, true, 2, 2), (heldEvent.BoardId, heldEvent.MunicipalityCode, heldEvent.QuorumReached, heldEvent.AttendeesCount, heldEvent.VotingMembersCount));

        // The relay publishes them onto the real RabbitMQ.
        await MembershipHost.WaitUntilAsync(() => Task.FromResult(host.Agreements.Count(a => a.SessionId == session.Id) == 2), "AgreementRecorded on the bus");
        var water = host.Agreements.Single(a => a.SessionId == session.Id && a.ResponsibleInstitution == "municipalidad");
        Assert.Equal(("Relevar familias sin acceso a agua potable", new DateOnly(2025, 6, 30), "pending", code),
            (water.What, water.DueOn, water.Status, water.MunicipalityCode));
        Assert.Equal("in_progress", host.Agreements.Single(a => a.SessionId == session.Id && a.ResponsibleInstitution == "identificaciones").Status);
    }

    [Fact]
    public async Task Agreement_status_moves_until_done_or_cancelled_and_a_closed_session_is_frozen()
    {
        var code = await BoardAsync();
        var ana = await AddAsync(code, "Ana", Sector.LocalGovernment);
        var luis = await AddAsync(code, "Luis", Sector.CivilSocietyOrganization, Gender.Male);
        var (_, session) = await RecordAsync(code, "2025-05-05", [ana], [new AgreementInput("Censo de familias", "mds", "2025-08-01", null)]);
        var agreementId = session.Agreements[0].Id.ToString();

        Task<(Board, Session, Agreement)> ChangeAsync(AgreementStatus status, Caller? caller = null) =>
            host.With<ChangeAgreementStatusHandler, (Board, Session, Agreement)>(h => h.HandleAsync(
                code, session.Id.ToString(), agreementId, new ChangeAgreementStatusCommand(status, 0), caller ?? TestCallers.FocalPoint(code), None));

        // Correct the draft: Luis was there too; quorum follows (2 voting members: 1 of 2 is not more than half, 2 is).
        Assert.False(session.QuorumReached);
        var (_, corrected) = await host.With<CorrectSessionHandler, (Board, Session)>(h => h.HandleAsync(code, session.Id.ToString(),
            new CorrectSessionCommand("Acta corregida.", [ana.Id.ToString(), luis.Id.ToString()], session.Version), TestCallers.FocalPoint(code), None));
        Assert.True(corrected.QuorumReached);
        Assert.Equal("Acta corregida.", corrected.Minutes);

        await host.With<CloseSessionHandler, (Board, Session)>(h => h.HandleAsync(code, session.Id.ToString(), new CloseSessionCommand(0), TestCallers.Admin, None));
        var frozen = await Assert.ThrowsAsync<BoardRuleException>(() => host.With<CorrectSessionHandler, (Board, Session)>(h =>
            h.HandleAsync(code, session.Id.ToString(), new CorrectSessionCommand("Otra cosa", null, 0), TestCallers.Admin, None)));
        Assert.Equal("session_closed", frozen.Rule);

        // Agreements keep moving after the minutes are closed, until done or cancelled.
        var (_, _, inProgress) = await ChangeAsync(AgreementStatus.InProgress);
        var (_, _, done) = await ChangeAsync(AgreementStatus.Done);
        var final = await Assert.ThrowsAsync<BoardRuleException>(() => ChangeAsync(AgreementStatus.Pending));
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => host.With<CloseSessionHandler, (Board, Session)>(h =>
            h.HandleAsync(code, session.Id.ToString(), new CloseSessionCommand(1), TestCallers.Admin, None)));
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => host.With<ChangeAgreementStatusHandler, (Board, Session, Agreement)>(h =>
            h.HandleAsync(code, session.Id.ToString(), Guid.NewGuid().ToString(), new ChangeAgreementStatusCommand(AgreementStatus.Done, 0), TestCallers.Admin, None)));

        Assert.Equal(AgreementStatus.InProgress, inProgress.Status);
        Assert.Equal(AgreementStatus.Done, done.Status);
        Assert.Equal("agreement_final", final.Rule);
        Assert.Contains("versión", stale.Message, StringComparison.Ordinal);
        Assert.Contains("no tiene el acuerdo", missing.Message, StringComparison.Ordinal);
        var type = OutboxDbContextExtensions.MessageTypeName(typeof(AgreementStatusChanged));
        var changes = (await host.InScopeAsync(s => s.GetRequiredService<MembershipDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.MessageType == type).ToListAsync())).Count(m => m.Payload.Contains(agreementId, StringComparison.Ordinal));
        Assert.Equal(2, changes);
    }

    [Fact]
    public async Task Another_municipalitys_focal_point_can_neither_record_nor_read_sessions_and_an_analyst_only_reads()
    {
        var code = await BoardAsync();
        var other = await BoardAsync();
        var ana = await AddAsync(code, "Ana", Sector.LocalGovernment);
        var (_, session) = await RecordAsync(code, "2025-05-05", [ana], caller: TestCallers.FocalPoint(code));

        var record = await Assert.ThrowsAsync<ForbiddenException>(() => RecordAsync(code, "2025-05-06", [ana], caller: TestCallers.FocalPoint(other)));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.With<ListSessionsHandler, (Board, IReadOnlyList<Session>)>(h => h.HandleAsync(code, TestCallers.FocalPoint(other), None)));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.With<GetSessionHandler, (Board, Session)>(h => h.HandleAsync(code, session.Id.ToString(), TestCallers.FocalPoint(other), None)));
        await Assert.ThrowsAsync<ForbiddenException>(() => RecordAsync(code, "2025-05-06", [ana], caller: TestCallers.Analyst));
        // The session is not visible through another board either.
        await Assert.ThrowsAsync<NotFoundException>(() => host.With<GetSessionHandler, (Board, Session)>(h => h.HandleAsync(other, session.Id.ToString(), TestCallers.Admin, None)));

        Assert.Contains(code, record.Message, StringComparison.Ordinal);
        var (_, read) = await host.With<GetSessionHandler, (Board, Session)>(h => h.HandleAsync(code, session.Id.ToString(), TestCallers.Analyst, None));
        Assert.Equal(session.Id, read.Id);
    }

    [Fact]
    public async Task The_attendance_weighted_score_falls_below_the_roster_score_when_civil_society_stops_attending()
    {
        var code = await BoardAsync();
        var government = new List<Member>
        {
            await AddAsync(code, "Concejal", Sector.LocalGovernment, Gender.Male),
            await AddAsync(code, "Directora", Sector.LocalGovernment),
            await AddAsync(code, "Supervisor MEC", Sector.NationalInstitution, Gender.Male),
        };
        var civil = new List<Member>
        {
            await AddAsync(code, "Comisión vecinal", Sector.CivilSocietyOrganization),
            await AddAsync(code, "Asociación de mujeres", Sector.CivilSocietyOrganization),
            await AddAsync(code, "Comité de productores", Sector.CommunityOrganization, Gender.Male),
        };

        // Four sessions (the default window): only the government members attend.
        foreach (var date in new[] { "2025-02-03", "2025-03-03", "2025-04-07", "2025-05-05" })
        {
            await RecordAsync(code, date, government);
        }

        var roster = await host.With<GetRepresentativityHandler, StoredAssessment>(h => h.HandleAsync(code, TestCallers.Analyst, None));
        var attendance = await host.With<GetRepresentativityHandler, StoredAssessment>(h =>
            h.HandleAsync(code, TestCallers.Analyst, None, AssessmentBasis.Attendance));

        Assert.Equal(AssessmentBasis.Roster, roster.Basis);
        Assert.Equal(AssessmentBasis.Attendance, attendance.Basis);
        Assert.Equal(4, attendance.ToAssessment().SessionsConsidered);
        Assert.True(attendance.Score < roster.Score, $"attendance {attendance.Score} should be below roster {roster.Score}");
        Assert.Equal(6, attendance.ToAssessment().Tally.ActiveVotingMembers);
        // Same calculation by hand from the calculator: the stored score is the calculator's.
        var expected = RepresentativityCalculator.AssessAttendance(
            government.Concat(civil).Select(RepresentativityMember.From),
            Enumerable.Range(0, 4).Select(i => new SessionAttendance(new DateOnly(2025, 2 + i, 3), government.Select(m => m.Id).ToHashSet())),
            new MunicipalityContext(0, false), RepresentativityPolicy.Default);
        Assert.Equal(expected.Score, attendance.Score);
        // One attendance assessment per recorded session, each published with basis "attendance" (Monitoring keeps it
        // apart from the roster score).
        var stored = await host.InScopeAsync(s => s.GetRequiredService<MembershipDbContext>().Assessments.AsNoTracking()
            .CountAsync(a => a.MunicipalityCode == code && a.Basis == AssessmentBasis.Attendance));
        Assert.Equal(4, stored);
        await MembershipHost.WaitUntilAsync(
            () => Task.FromResult(host.Assessments.Any(a => a.AssessmentId == attendance.Id)), "the attendance assessment on the bus");
        var published = host.Assessments.Single(a => a.AssessmentId == attendance.Id);
        Assert.Equal("attendance", published.Basis);
        Assert.Equal(attendance.Score, published.Score);
        Assert.Equal(4, host.Assessments.Count(a => a.MunicipalityCode == code && a.Basis == "attendance"));

        // The same through REST: ?basis=attendance, and an unknown basis is a field error.
        await using var scope = host.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<GetRepresentativityHandler>();
        var analyst = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(BoardsClaimTypes.Role, BoardsRoles.MinistryAnalyst), new Claim(BoardsClaimTypes.Subject, "sub")], "constructed"));
        var byAttendance = await RepresentativityEndpoints.GetRepresentativityAsync(code, handler, analyst, None, "attendance");
        var byRoster = await RepresentativityEndpoints.GetRepresentativityAsync(code, handler, analyst, None);
        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            RepresentativityEndpoints.GetRepresentativityAsync(code, handler, analyst, None, "asistencia"));
        Assert.Equal(attendance.Score, byAttendance.Value!.Assessment.Score);
        Assert.Equal(AssessmentBasis.Attendance, byAttendance.Value.Assessment.Basis);
        Assert.Equal(roster.Score, byRoster.Value!.Assessment.Score);
        Assert.Equal("basis", Assert.Single(unknown.Errors.Keys));
    }

    [Fact]
    public async Task Sessions_through_the_rest_endpoints_answer_201_with_location_and_snake_case_codes()
    {
        var code = await BoardAsync();
        var ana = await AddAsync(code, "Ana", Sector.LocalGovernment);
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(BoardsClaimTypes.Role, BoardsRoles.FocalPoint), new Claim(BoardsClaimTypes.Subject, "sub"),
             new Claim(BoardsClaimTypes.UserName, "punto focal"), new Claim(BoardsClaimTypes.Municipality, code)], "constructed"));

        await using var scope = host.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<RecordSessionHandler>();
        var result = await SessionEndpoints.RecordSessionAsync(code, new RecordSessionCommand
        {
            Date = "2025-05-05",
            Agenda = "Plan anual",
            Attendees = [ana.Id.ToString()],
            Agreements = [new AgreementInput("Presentar el plan", "mds", "2025-06-01", AgreementStatus.InProgress)],
        }, handler, user, None);
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        body.Position = 0;
        using var json = await JsonDocument.ParseAsync(body);

        Assert.Equal(201, context.Response.StatusCode);
        Assert.StartsWith($"/api/boards/{code}/sessions/", context.Response.Headers.Location.ToString(), StringComparison.Ordinal);
        Assert.Equal("draft", json.RootElement.GetProperty("status").GetString());
        Assert.True(json.RootElement.GetProperty("quorumReached").GetBoolean());
        Assert.Equal("in_progress", json.RootElement.GetProperty("agreements")[0].GetProperty("status").GetString());
    }
}
