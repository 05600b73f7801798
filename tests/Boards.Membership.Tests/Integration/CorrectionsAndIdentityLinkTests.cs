using Boards.Membership.Features.AppointFocalPoint;
using Boards.Membership.Features.CorrectMember;
using Boards.Membership.Features.GetRepresentativity;
using Boards.Membership.Features.UpdateBoard;

namespace Boards.Membership.Tests.Integration;

/// <summary>
/// Corrections of memberships and of the board's act and chair, and the identity link's outcome as recorded on each
/// focal point term, through the real handlers, PostgreSQL, the outbox and RabbitMQ. This host has no identity
/// provider configured, so a grant is recorded as failed with the reason; the grant itself is proved end to end.
/// </summary>
public sealed class CorrectionsAndIdentityLinkTests(MembershipHost host) : IClassFixture<MembershipHost>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<string> BoardAsync()
    {
        var code = await host.NewMunicipalityAsync();
        await host.With<CreateBoardHandler, Board>(h => h.HandleAsync(new CreateBoardCommand
        {
            MunicipalityCode = code, ResolutionNumber = "Res. 12/2022", ResolutionDate = "2022-03-10",
            ChairName = "Intendente", ChairRole = ChairRole.Mayor,
        }, TestCallers.Admin, None));
        return code;
    }

    private static AddMemberCommand Person(string name, Sector sector, string? account = null, Position? position = null) => new()
    {
        PersonName = name,
        Organization = "Organización " + name,
        Sector = sector,
        Gender = Gender.Female,
        AgeBand = AgeBand.Adult,
        Territory = new TerritoryInput(Area.Urban, "Centro"),
        DesignatedOn = "2024-02-01",
        Account = account,
        Position = position,
    };

    private async Task<Member> AddAsync(string code, AddMemberCommand command) =>
        (await host.With<AddMemberHandler, (Board, Member)>(h => h.HandleAsync(code, command, TestCallers.Admin, None))).Item2;

    private Task<(Board Board, Member Member)> CorrectAsync(string code, Guid memberId, AddMemberCommand command, Caller? caller = null) =>
        host.With<CorrectMemberHandler, (Board, Member)>(h => h.HandleAsync(code, memberId.ToString(), command, caller ?? TestCallers.Admin, None));

    private Task<StoredAssessment> RosterScoreAsync(string code) =>
        host.With<GetRepresentativityHandler, StoredAssessment>(h => h.HandleAsync(code, TestCallers.Analyst, None));

    private async Task<FocalPointTerm> SettledTermAsync(Guid termId)
    {
        FocalPointTerm? term = null;
        await MembershipHost.WaitUntilAsync(async () =>
        {
            term = await host.InScopeAsync(s => s.GetRequiredService<MembershipDbContext>().FocalPointTerms.AsNoTracking().SingleAsync(t => t.Id == termId));
            return term.Access != FocalPointAccess.Pending;
        }, $"the identity link of term {termId}");
        return term!;
    }

    [Fact]
    public async Task Correcting_a_membership_keeps_its_identity_and_the_score_follows()
    {
        var code = await BoardAsync();
        await AddAsync(code, Person("Concejal", Sector.LocalGovernment));
        var misrecorded = await AddAsync(code, Person("Comisión vecinal", Sector.LocalGovernment));
        var before = await RosterScoreAsync(code);

        var (board, corrected) = await CorrectAsync(code, misrecorded.Id,
            Person("Comisión vecinal San Blas", Sector.CivilSocietyOrganization) with { ExpectedVersion = 3 }, TestCallers.FocalPoint(code));
        var after = await RosterScoreAsync(code);

        Assert.Equal(misrecorded.Id, corrected.Id);
        Assert.Equal(4, board.Version);
        Assert.Equal("Comisión vecinal San Blas", corrected.PersonName);
        Assert.Equal(Sector.CivilSocietyOrganization, corrected.Sector);
        Assert.NotNull(corrected.CorrectedAt);
        Assert.Equal(4, after.BoardVersion);
        Assert.True(after.Score > before.Score, $"civil society on the board should raise the score ({before.Score} → {after.Score})");
        Assert.DoesNotContain("sin organizaciones de la sociedad civil", after.ToAssessment().Gaps);
        var rows = await host.InScopeAsync(s => s.GetRequiredService<MembershipDbContext>().Members.CountAsync(m => m.BoardId == board.Id));
        Assert.Equal(2, rows);
    }

    [Fact]
    public async Task A_correction_checks_scope_version_and_the_focal_point_rule()
    {
        var code = await BoardAsync();
        var other = await BoardAsync();
        var ana = await AddAsync(code, Person("Ana", Sector.LocalGovernment));
        await host.With<AppointFocalPointHandler, (Board, FocalPointTerm)>(h =>
            h.HandleAsync(code, new AppointFocalPointCommand(ana.Id.ToString(), "2024-03-01", 0), TestCallers.Admin, None));

        await Assert.ThrowsAsync<ForbiddenException>(() => CorrectAsync(code, ana.Id, Person("Ana", Sector.LocalGovernment), TestCallers.FocalPoint(other)));
        await Assert.ThrowsAsync<ForbiddenException>(() => CorrectAsync(code, ana.Id, Person("Ana", Sector.LocalGovernment), TestCallers.Analyst));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => CorrectAsync(code, ana.Id, Person("Ana", Sector.LocalGovernment) with { ExpectedVersion = 1 }));
        var demoted = await Assert.ThrowsAsync<BoardRuleException>(() => CorrectAsync(code, ana.Id, Person("Ana", Sector.LocalGovernment)));
        var kept = await CorrectAsync(code, ana.Id, Person("Ana María", Sector.LocalGovernment, position: Position.FocalPoint));
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            CorrectAsync(code, ana.Id, Person("Ana", Sector.LocalGovernment, account: "Ana González!")));

        Assert.Equal("focal_point_required", demoted.Rule);
        Assert.Equal("Ana María", kept.Member.PersonName);
        Assert.Equal(Position.FocalPoint, kept.Member.Position);
        Assert.Equal(["account"], bad.Errors.Keys.ToArray());
    }

    [Fact]
    public async Task The_act_and_the_chair_are_recorded_and_a_no_op_is_refused()
    {
        var code = await BoardAsync();
        var update = new UpdateBoardCommand
        {
            ResolutionNumber = "Res. 7/2024", ResolutionDate = "2024-01-05", ChairName = "Delegada de la Intendencia", ChairRole = ChairRole.Delegate,
        };

        var board = await host.With<UpdateBoardHandler, Board>(h => h.HandleAsync(code, update, TestCallers.FocalPoint(code), None));
        var same = await Assert.ThrowsAsync<BoardRuleException>(() => host.With<UpdateBoardHandler, Board>(h => h.HandleAsync(code, update, TestCallers.Admin, None)));
        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            host.With<UpdateBoardHandler, Board>(h => h.HandleAsync(code, new UpdateBoardCommand { ResolutionDate = "5/1/2024" }, TestCallers.Admin, None)));
        var future = await Assert.ThrowsAsync<DomainValidationException>(() =>
            host.With<UpdateBoardHandler, Board>(h => h.HandleAsync(code, update with { ResolutionDate = "2999-01-01" }, TestCallers.Admin, None)));

        Assert.Equal(new CreatingAct("Res. 7/2024", new DateOnly(2024, 1, 5)), board.CreatingAct);
        Assert.Equal(new Chair("Delegada de la Intendencia", ChairRole.Delegate), board.Chair);
        Assert.Equal(2, board.Version);
        Assert.Equal("no_change", same.Rule);
        Assert.Equal(["chairName", "chairRole", "resolutionDate", "resolutionNumber"], invalid.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("resolutionDate", future.Field);
    }

    [Fact]
    public async Task Each_term_records_the_outcome_of_its_identity_link()
    {
        var code = await BoardAsync();
        var withoutAccount = await AddAsync(code, Person("Sin Cuenta", Sector.LocalGovernment));
        var withAccount = await AddAsync(code, Person("Con Cuenta", Sector.CivilSocietyOrganization));

        var (_, first) = await host.With<AppointFocalPointHandler, (Board, FocalPointTerm)>(h =>
            h.HandleAsync(code, new AppointFocalPointCommand(withoutAccount.Id.ToString(), "2024-03-01", 0), TestCallers.Admin, None));
        var noAccount = await SettledTermAsync(first.Id);
        var (board, second) = await host.With<AppointFocalPointHandler, (Board, FocalPointTerm)>(h =>
            h.HandleAsync(code, new AppointFocalPointCommand(withAccount.Id.ToString(), "2024-06-01", 0, " Con.Cuenta@Mesa "), TestCallers.Admin, None));
        var failed = await SettledTermAsync(second.Id);

        Assert.Equal(FocalPointAccess.NoAccount, noAccount.Access);
        Assert.Contains("no tiene usuario", noAccount.AccessDetail);
        Assert.Equal("con.cuenta@mesa", board.FindMember(withAccount.Id)!.Account);
        // No identity provider is configured in this host: the reason is recorded, nothing is lost or thrown away.
        Assert.Equal(FocalPointAccess.Failed, failed.Access);
        Assert.Contains("no está configurado", failed.AccessDetail);
        Assert.NotNull(failed.AccessUpdatedAt);

        // Each outcome is announced for the other services (Monitoring's focal point column), with the term's state.
        var announced = await AnnouncedAsync(first.Id, second.Id);
        Assert.Equal(("no_account", code, withoutAccount.Id), (announced[first.Id].Access, announced[first.Id].MunicipalityCode, announced[first.Id].MemberId));
        Assert.Equal(("failed", true), (announced[second.Id].Access, announced[second.Id].CurrentTerm));
        // The database keeps microseconds, the event the clock's ticks.
        Assert.InRange((announced[second.Id].UpdatedAt - failed.AccessUpdatedAt!.Value).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
    }

    private async Task<Dictionary<Guid, FocalPointAccessChanged>> AnnouncedAsync(params Guid[] termIds)
    {
        await MembershipHost.WaitUntilAsync(
            () => Task.FromResult(termIds.All(id => host.AccessChanges.Any(c => c.TermId == id))), "FocalPointAccessChanged of every term");
        return host.AccessChanges.Where(c => termIds.Contains(c.TermId)).GroupBy(c => c.TermId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.UpdatedAt)!);
    }

    [Fact]
    public async Task Giving_the_current_focal_point_an_account_by_correction_runs_the_grant_again()
    {
        var code = await BoardAsync();
        var ana = await AddAsync(code, Person("Ana Sin Cuenta", Sector.LocalGovernment));
        var (_, term) = await host.With<AppointFocalPointHandler, (Board, FocalPointTerm)>(h =>
            h.HandleAsync(code, new AppointFocalPointCommand(ana.Id.ToString(), "2024-03-01", 0), TestCallers.Admin, None));
        Assert.Equal(FocalPointAccess.NoAccount, (await SettledTermAsync(term.Id)).Access);

        await CorrectAsync(code, ana.Id, Person("Ana Sin Cuenta", Sector.LocalGovernment, account: "ana.cuenta", position: Position.FocalPoint));
        var retried = await SettledTermAsync(term.Id);

        // The grant was attempted for the new account (this host has no provider configured, so it says so).
        Assert.Equal(FocalPointAccess.Failed, retried.Access);
        Assert.Contains("no está configurado", retried.AccessDetail);
    }
}
