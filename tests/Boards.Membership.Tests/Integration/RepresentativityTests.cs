using System.Security.Claims;
using Boards.Membership.Api.Rest;
using Boards.Membership.Features.AppointFocalPoint;
using Boards.Membership.Features.ChangeBoardStatus;
using Boards.Membership.Features.EndMembership;
using Boards.Membership.Features.GetPolicy;
using Boards.Membership.Features.GetRepresentativity;
using Boards.Membership.Features.PublishPolicy;
using Boards.Membership.Features.Representativity;
using Boards.Membership.Features.SetMunicipalityContext;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Boards.Membership.Tests.Integration;

/// <summary>
/// Representativity wired end to end against real PostgreSQL and RabbitMQ: every roster change stores a new
/// assessment with the current policy and the municipality's context, in the same transaction as the change, and
/// writes RepresentativityAssessed to the outbox (which the real relay publishes).
/// </summary>
public sealed class RepresentativityTests(MembershipHost host) : IClassFixture<MembershipHost>
{
    private static readonly CancellationToken None = CancellationToken.None;

    internal static Task<Board> CreateBoardAsync(MembershipHost host, string code) =>
        host.With<CreateBoardHandler, Board>(h => h.HandleAsync(new CreateBoardCommand
        {
            MunicipalityCode = code,
            ResolutionNumber = "Res. 12/2023",
            ResolutionDate = "2023-05-02",
            ChairName = "Intendente Municipal",
            ChairRole = ChairRole.Mayor,
        }, TestCallers.Admin, None));

    internal static async Task<Member> AddAsync(MembershipHost host, string code, Sector sector, Gender gender, AgeBand age = AgeBand.Adult, Area area = Area.Urban, string locality = "Centro") =>
        (await host.With<AddMemberHandler, (Board, Member)>(h => h.HandleAsync(code, new AddMemberCommand
        {
            PersonName = $"Persona {sector} {Guid.NewGuid():N}"[..40],
            Organization = "Organización",
            Sector = sector,
            Gender = gender,
            AgeBand = age,
            Territory = new TerritoryInput(area, locality),
            DesignatedOn = "2024-03-01",
        }, TestCallers.Admin, None))).Item2;

    internal static Task<StoredAssessment> LatestAsync(MembershipHost host, string code, Caller? caller = null) =>
        host.With<GetRepresentativityHandler, StoredAssessment>(h => h.HandleAsync(code, caller ?? TestCallers.Analyst, None));

    private Task<List<RepresentativityAssessed>> OutboxAsync(string code) =>
        host.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MembershipDbContext>();
            var rows = await db.Set<Boards.BuildingBlocks.Outbox.OutboxMessage>().AsNoTracking()
                .Where(m => m.MessageType.Contains(nameof(RepresentativityAssessed))).ToListAsync();
            return rows.Select(r => JsonSerializer.Deserialize<RepresentativityAssessed>(r.Payload, JsonSerializerOptions.Web)!)
                .Where(e => e.MunicipalityCode == code).OrderBy(e => e.AssessedAt).ToList();
        });

    [Fact]
    public async Task Roster_changes_move_the_score_components_and_gaps_and_each_is_written_to_the_outbox()
    {
        var code = await host.NewMunicipalityAsync();
        await CreateBoardAsync(host, code);
        var empty = await LatestAsync(host, code);
        Assert.Equal(0m, empty.Score);
        Assert.Contains(RepresentativityFlag.EmptyBoard, empty.ToAssessment().Flags);

        await AddAsync(host, code, Sector.LocalGovernment, Gender.Male);
        await AddAsync(host, code, Sector.NationalInstitution, Gender.Female);
        await AddAsync(host, code, Sector.CommunityOrganization, Gender.Female, AgeBand.Youth);
        var before = await LatestAsync(host, code);
        var beforeAssessment = before.ToAssessment();
        Assert.Contains("sin organizaciones de la sociedad civil", beforeAssessment.Gaps);
        Assert.Equal("CivilSocietyOrganization", beforeAssessment.Component(RepresentativityComponentKind.RequiredSectors).Input("missing"));

        var civilSociety = await AddAsync(host, code, Sector.CivilSocietyOrganization, Gender.Male);
        var after = await LatestAsync(host, code);
        var afterAssessment = after.ToAssessment();

        Assert.DoesNotContain("sin organizaciones de la sociedad civil", afterAssessment.Gaps);
        Assert.True(after.Score > before.Score, $"{after.Score} should be above {before.Score}");
        Assert.Equal(1m, afterAssessment.Component(RepresentativityComponentKind.RequiredSectors).SubScore);
        Assert.Equal(0.75m, beforeAssessment.Component(RepresentativityComponentKind.RequiredSectors).SubScore);
        Assert.Equal(4, afterAssessment.Tally.ActiveVotingMembers);
        Assert.Equal(Math.Round(afterAssessment.Components.Sum(c => c.Contribution), 1, MidpointRounding.AwayFromZero), after.Score);
        Assert.Equal(1, after.PolicyVersion);
        Assert.True(after.BoardVersion > before.BoardVersion);

        // Ending the membership brings the gap back.
        await host.With<EndMembershipHandler, (Board, Member)>(h =>
            h.HandleAsync(code, civilSociety.Id.ToString(), new EndMembershipCommand("2025-01-10", "renuncia", 0), TestCallers.Admin, None));
        var ended = (await LatestAsync(host, code)).ToAssessment();
        Assert.Contains("sin organizaciones de la sociedad civil", ended.Gaps);
        Assert.Equal(before.Score, ended.Score);

        // Appointing a focal point and changing the status re-assess too (same roster, same score, newer board version).
        var focal = await AddAsync(host, code, Sector.CivilSocietyOrganization, Gender.Female);
        await host.With<AppointFocalPointHandler, (Board, FocalPointTerm)>(h =>
            h.HandleAsync(code, new AppointFocalPointCommand(focal.Id.ToString(), "2025-02-01", 0), TestCallers.Admin, None));
        var appointed = await LatestAsync(host, code);
        var status = await host.With<ChangeBoardStatusHandler, Board>(h =>
            h.HandleAsync(code, new ChangeBoardStatusCommand(BoardStatus.Active, 0), TestCallers.Admin, None));
        var latest = await LatestAsync(host, code);
        Assert.Equal(status.Version, latest.BoardVersion);
        Assert.Equal(appointed.Score, latest.Score);

        // One assessment stored per change (history kept) and one event per assessment in the outbox.
        var history = await host.InScopeAsync(s => s.GetRequiredService<MembershipDbContext>().Assessments.AsNoTracking()
            .Where(a => a.MunicipalityCode == code).CountAsync());
        var events = await OutboxAsync(code);
        Assert.Equal(9, history); // created, 3 + 1 added, ended, added, appointed, status
        Assert.Equal(history, events.Count);
        var last = events[^1];
        Assert.Equal(latest.Id, last.AssessmentId);
        Assert.Equal(latest.Score, last.Score);
        Assert.Equal(1, last.PolicyVersion);
        Assert.Equal("roster", last.Basis);
        Assert.Equal(8, last.Components.Count);
        Assert.Equal(latest.ToAssessment().Gaps, last.Gaps);

        // And the relay publishes them on the bus.
        await MembershipHost.WaitUntilAsync(() => Task.FromResult(host.Assessments.Any(a => a.AssessmentId == latest.Id)), "RepresentativityAssessed on the bus");
    }

    [Fact]
    public async Task The_municipality_context_makes_rural_coverage_and_the_indigenous_sector_count()
    {
        var code = await host.NewMunicipalityAsync();
        await CreateBoardAsync(host, code);
        await AddAsync(host, code, Sector.LocalGovernment, Gender.Male);
        await AddAsync(host, code, Sector.CommunityOrganization, Gender.Female, area: Area.Rural, locality: "Compañía San Isidro");
        var unknown = (await LatestAsync(host, code)).ToAssessment();
        Assert.False(unknown.Component(RepresentativityComponentKind.TerritorialCoverage).Applicable);
        Assert.DoesNotContain("sin comunidades indígenas", unknown.Gaps);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => host.With<SetMunicipalityContextHandler, MunicipalityContextView>(h =>
            h.HandleAsync(code, new SetMunicipalityContextCommand(4, true), TestCallers.FocalPoint(code), None)));
        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => host.With<SetMunicipalityContextHandler, MunicipalityContextView>(h =>
            h.HandleAsync(code, new SetMunicipalityContextCommand(-1, true), TestCallers.Admin, None)));
        Assert.Contains("ruralLocalities", invalid.Errors.Keys);
        Assert.NotNull(refused);

        var view = await host.With<SetMunicipalityContextHandler, MunicipalityContextView>(h =>
            h.HandleAsync(code, new SetMunicipalityContextCommand(4, true), TestCallers.Admin, None));
        var stored = await LatestAsync(host, code);
        var known = stored.ToAssessment();

        Assert.Equal(4, view.RuralLocalities);
        Assert.Equal(4, stored.RuralLocalities);
        Assert.True(stored.HasIndigenousCommunities);
        var coverage = known.Component(RepresentativityComponentKind.TerritorialCoverage);
        Assert.True(coverage.Applicable);
        Assert.Equal(0.25m, coverage.Value);
        Assert.Contains("1 de 4 localidades rurales representadas", known.Gaps);
        Assert.Contains("sin comunidades indígenas", known.Gaps);
    }

    [Fact]
    public async Task Rest_returns_the_latest_assessment_in_the_board_scope()
    {
        var code = await host.NewMunicipalityAsync();
        await CreateBoardAsync(host, code);
        await AddAsync(host, code, Sector.LocalGovernment, Gender.Male);
        await using var scope = host.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<GetRepresentativityHandler>();

        var ok = await RepresentativityEndpoints.GetRepresentativityAsync(code, handler, Principal(code, BoardsRoles.FocalPoint), None);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            RepresentativityEndpoints.GetRepresentativityAsync(code, handler, Principal("alto-vera", BoardsRoles.FocalPoint), None));

        var options = host.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(ok.Value, options));
        var root = json.RootElement;
        Assert.Equal(code, root.GetProperty("municipalityCode").GetString());
        Assert.Equal(1, root.GetProperty("policyVersion").GetInt32());
        Assert.Equal(0, root.GetProperty("municipality").GetProperty("ruralLocalities").GetInt32());
        var assessment = root.GetProperty("assessment");
        Assert.Equal("roster", assessment.GetProperty("basis").GetString());
        Assert.Equal(8, assessment.GetProperty("components").GetArrayLength());
        Assert.Contains(assessment.GetProperty("gaps").EnumerateArray(), g => g.GetString() == "sin organizaciones de la sociedad civil");
        Assert.Contains(assessment.GetProperty("flags").EnumerateArray(), f => f.GetString() == "local_government_capture");
    }

    internal static ClaimsPrincipal Principal(string? municipality, params string[] roles)
    {
        var claims = roles.Select(role => new Claim(BoardsClaimTypes.Role, role)).ToList();
        claims.Add(new Claim(BoardsClaimTypes.Subject, "sub"));
        if (municipality is not null)
        {
            claims.Add(new Claim(BoardsClaimTypes.Municipality, municipality));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "constructed"));
    }
}

/// <summary>Policy versions in a database of their own (publishing re-scores every board of the host).</summary>
public sealed class RepresentativityPolicyTests(MembershipHost host) : IClassFixture<MembershipHost>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Version_1_is_seeded_invalid_policies_are_refused_with_field_errors_and_a_new_version_rescores_every_board()
    {
        var code = await host.NewMunicipalityAsync();
        await RepresentativityTests.CreateBoardAsync(host, code);
        await RepresentativityTests.AddAsync(host, code, Sector.LocalGovernment, Gender.Male);
        await RepresentativityTests.AddAsync(host, code, Sector.CivilSocietyOrganization, Gender.Female);
        await RepresentativityTests.AddAsync(host, code, Sector.CommunityOrganization, Gender.Male);
        var before = await RepresentativityTests.LatestAsync(host, code);

        var seeded = await host.With<GetPolicyHandler, PolicyView>(h => h.HandleAsync(TestCallers.FocalPoint(code), None));
        Assert.Equal(1, seeded.Version);
        Assert.Equal("sistema", seeded.CreatedBy);
        Assert.Equal(RepresentativityPolicy.Default.Weights, seeded.Policy.Weights);

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => host.With<PublishPolicyHandler, (PolicyView, int)>(h =>
            h.HandleAsync(new PublishPolicyCommand
            {
                Weights = new RepresentativityWeights { Capture = 0.05m },
                CaptureLimit = 1.5m,
            }, TestCallers.Admin, None)));
        Assert.Equal(["los pesos suman 0.90 y deben sumar 1"], invalid.Errors["weights"]);
        Assert.Contains("captureLimit", invalid.Errors.Keys);
        await Assert.ThrowsAsync<ForbiddenException>(() => host.With<PublishPolicyHandler, (PolicyView, int)>(h =>
            h.HandleAsync(new PublishPolicyCommand { WomenShareTarget = 0.5m }, TestCallers.Analyst, None)));

        // Gender parity weighs more, required sectors less: a board missing national institutions scores differently.
        var (published, assessed) = await host.With<PublishPolicyHandler, (PolicyView, int)>(h => h.HandleAsync(new PublishPolicyCommand
        {
            WomenShareTarget = 0.5m,
            Weights = new RepresentativityWeights { RequiredSectors = 0.10m, GenderParity = 0.30m },
        }, TestCallers.Admin, None));
        var after = await RepresentativityTests.LatestAsync(host, code);
        var current = await host.With<GetPolicyHandler, PolicyView>(h => h.HandleAsync(TestCallers.Analyst, None));

        Assert.Equal(2, published.Version);
        Assert.Equal(2, current.Version);
        Assert.Equal(0.5m, current.Policy.WomenShareTarget);
        Assert.Equal(RepresentativityPolicy.Default.YouthShareTarget, current.Policy.YouthShareTarget);
        Assert.True(assessed >= 1);
        Assert.Equal(1, before.PolicyVersion);
        Assert.Equal(2, after.PolicyVersion);
        Assert.NotEqual(before.Score, after.Score);
        Assert.Equal(0.30m, after.ToAssessment().Component(RepresentativityComponentKind.GenderParity).PolicyWeight);
        Assert.Contains("mujeres 33,3% < meta 50%", after.ToAssessment().Gaps);

        // The next roster change uses version 2 as well.
        await RepresentativityTests.AddAsync(host, code, Sector.NationalInstitution, Gender.Female);
        Assert.Equal(2, (await RepresentativityTests.LatestAsync(host, code)).PolicyVersion);
        await MembershipHost.WaitUntilAsync(
            () => Task.FromResult(host.Assessments.Any(a => a.MunicipalityCode == code && a.PolicyVersion == 2)), "a version-2 assessment on the bus");
    }

    [Fact]
    public async Task The_policy_json_accepts_sector_codes_as_keys()
    {
        var options = host.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

        var command = JsonSerializer.Deserialize<PublishPolicyCommand>(
            """{"targetComposition": {"civil_society_organization": 1}, "requiredSectors": ["local_government"]}""", options)!;

        Assert.Equal(1m, command.TargetComposition![Sector.CivilSocietyOrganization]);
        Assert.Equal([Sector.LocalGovernment], command.RequiredSectors);
        var view = await host.With<GetPolicyHandler, PolicyView>(h => h.HandleAsync(TestCallers.Analyst, None));
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(view, options));
        var policy = json.RootElement.GetProperty("policy");
        Assert.Equal(0.20m, policy.GetProperty("targetComposition").GetProperty("civil_society_organization").GetDecimal());
        Assert.Equal(0.25m, policy.GetProperty("weights").GetProperty("requiredSectors").GetDecimal());
    }
}

/// <summary>A roster change racing a policy publication never leaves an assessment with the old policy as the latest.</summary>
public sealed class RepresentativityRaceTests(MembershipHost host) : IClassFixture<MembershipHost>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_roster_change_that_read_the_previous_policy_is_a_conflict()
    {
        var code = await host.NewMunicipalityAsync();
        await RepresentativityTests.CreateBoardAsync(host, code);
        await RepresentativityTests.AddAsync(host, code, Sector.LocalGovernment, Gender.Male);

        // A roster change in flight: board loaded and policy read, not saved yet.
        await using var scope = host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<BoardStore>();
        var recorder = scope.ServiceProvider.GetRequiredService<RepresentativityRecorder>();
        var board = await store.LoadForChangeAsync(code, 0, TestCallers.Admin, None);
        Assert.Equal(1, (await recorder.CurrentPolicyAsync(None)).Version);

        await host.With<PublishPolicyHandler, (PolicyView, int)>(h =>
            h.HandleAsync(new PublishPolicyCommand { YouthShareTarget = 0.25m }, TestCallers.Admin, None));

        board.AddMember(AddMemberHandler.Validate(new AddMemberCommand
        {
            PersonName = "Persona tardía",
            Organization = "Comisión vecinal",
            Sector = Sector.CommunityOrganization,
            Gender = Gender.Female,
            AgeBand = AgeBand.Adult,
            Territory = new TerritoryInput(Area.Urban, "Centro"),
            DesignatedOn = "2025-01-01",
        }), "test", DateTimeOffset.UtcNow);
        await recorder.RecordAsync(board, None);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(None));

        var latest = await RepresentativityTests.LatestAsync(host, code);
        Assert.Equal(2, latest.PolicyVersion);
        Assert.Equal(1, latest.ToAssessment().Tally.ActiveVotingMembers);
    }
}
