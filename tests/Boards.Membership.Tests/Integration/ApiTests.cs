using System.Net;
using System.Security.Claims;
using Boards.Membership.Api.Grpc;
using Boards.Membership.Api.Rest;
using Boards.Membership.Features.EndMembership;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Boards.Membership.Domain.Sessions;
using Boards.Membership.Features.RecordSession;
using Proto = Boards.Membership.Contracts.Grpc;

namespace Boards.Membership.Tests.Integration;

/// <summary>
/// The transport edges over real data: the gRPC service class with constructed callers, the REST problem details
/// and JSON shape as the real pipeline writes them, and 401 / Unauthenticated without a token. Tokens are not minted
/// here (token-level checks belong to the end-to-end suite).
/// </summary>
public sealed class ApiTests(MembershipHost host) : IClassFixture<MembershipHost>, IAsyncLifetime
{
    private string _code = "";
    private Guid _ceased;

    public async Task InitializeAsync()
    {
        _code = await host.NewMunicipalityAsync();
        await host.With<CreateBoardHandler, Board>(h => h.HandleAsync(new CreateBoardCommand
        {
            MunicipalityCode = _code,
            ResolutionNumber = "Res. 7/2022",
            ResolutionDate = "2022-08-01",
            ChairName = "Delegada",
            ChairRole = ChairRole.Delegate,
        }, TestCallers.Admin, CancellationToken.None));
        foreach (var name in new[] { "Ana Benítez", "Carla Ortiz" })
        {
            var (_, member) = await host.With<AddMemberHandler, (Board, Member)>(h => h.HandleAsync(_code, new AddMemberCommand
            {
                PersonName = name,
                Organization = "Comité de mujeres",
                Sector = Sector.CommunityOrganization,
                Gender = Gender.Female,
                AgeBand = AgeBand.Adult,
                Territory = new TerritoryInput(Area.Rural, "Colonia 7"),
                DesignatedOn = "2023-02-01",
            }, TestCallers.Admin, CancellationToken.None));
            _ceased = member.Id;
        }

        await host.With<EndMembershipHandler, (Board, Member)>(h =>
            h.HandleAsync(_code, _ceased.ToString(), new EndMembershipCommand("2024-12-31", null, 0), TestCallers.Admin, CancellationToken.None));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static ClaimsPrincipal Principal(string? municipality, params string[] roles)
    {
        var claims = roles.Select(role => new Claim(BoardsClaimTypes.Role, role)).ToList();
        claims.Add(new Claim(BoardsClaimTypes.Subject, "sub"));
        if (municipality is not null)
        {
            claims.Add(new Claim(BoardsClaimTypes.Municipality, municipality));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "constructed"));
    }

    private async Task<T> CallGrpcAsync<T>(Func<BoardGrpcService, ServerCallContext, Task<T>> call, ClaimsPrincipal user)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var service = ActivatorUtilities.CreateInstance<BoardGrpcService>(scope.ServiceProvider);
        try
        {
            return await call(service, new ConstructedCallContext(new DefaultHttpContext { User = user, RequestServices = scope.ServiceProvider }));
        }
        catch (Exception exception) when (ApiErrors.Resolve(scope.ServiceProvider.GetServices<IApiErrorMapper>(), exception) is { } error)
        {
            // What the registered interceptor does in the real pipeline.
            throw GrpcErrorInterceptor.ToRpc(error);
        }
    }

    [Fact]
    public async Task Grpc_reads_a_board_and_its_roster_with_history()
    {
        var board = await CallGrpcAsync((s, c) => s.GetBoard(new Proto.GetBoardRequest { MunicipalityCode = _code }, c), Principal(_code, BoardsRoles.FocalPoint));
        var active = await CallGrpcAsync((s, c) => s.ListMembers(new Proto.ListMembersRequest { MunicipalityCode = _code }, c), Principal(null, BoardsRoles.Integrator));
        var all = await CallGrpcAsync((s, c) => s.ListMembers(new Proto.ListMembersRequest { MunicipalityCode = _code, IncludeCeased = true }, c), Principal(null, BoardsRoles.Integrator));
        var listed = await CallGrpcAsync((s, c) => s.ListBoards(new Proto.ListBoardsRequest { Status = Proto.BoardStatus.Installed }, c), Principal(null, BoardsRoles.MinistryAnalyst));

        Assert.Equal(Proto.ChairRole.Delegate, board.ChairRole);
        Assert.Equal(Proto.BoardStatus.Installed, board.Status);
        Assert.Equal("2022-08-01", board.ResolutionDate);
        Assert.Equal(1, board.ActiveMembers);
        Assert.Null(board.FocalPoint);
        var member = Assert.Single(active.Members);
        Assert.Equal(Proto.Sector.CommunityOrganization, member.Sector);
        Assert.Equal(Proto.Area.Rural, member.Area);
        Assert.Equal(Proto.Position.Member, member.Position);
        Assert.Equal("", member.CeasedOn);
        Assert.Equal(2, all.Members.Count);
        Assert.Equal("2024-12-31", all.Members.Single(m => m.Id == _ceased.ToString()).CeasedOn);
        Assert.Contains(listed.Boards, b => b.MunicipalityCode == _code);
    }

    [Fact]
    public async Task Grpc_refuses_with_permission_denied_not_found_and_invalid_argument()
    {
        var denied = await Assert.ThrowsAsync<RpcException>(() => CallGrpcAsync((s, c) =>
            s.ListMembers(new Proto.ListMembersRequest { MunicipalityCode = _code }, c), Principal("alto-vera", BoardsRoles.FocalPoint)));
        var missing = await Assert.ThrowsAsync<RpcException>(() => CallGrpcAsync((s, c) =>
            s.GetBoard(new Proto.GetBoardRequest { MunicipalityCode = "no-existe" }, c), Principal(null, BoardsRoles.MinistryAdmin)));
        var empty = await Assert.ThrowsAsync<RpcException>(() => CallGrpcAsync((s, c) =>
            s.GetBoard(new Proto.GetBoardRequest(), c), Principal(null, BoardsRoles.MinistryAdmin)));

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        Assert.Equal("municipality_code", Assert.Single(empty.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task Grpc_lists_sessions_newest_first_with_quorum_and_agreements_within_the_board_scope()
    {
        var active = (await host.With<Boards.Membership.Features.ListMembers.ListMembersHandler, IReadOnlyList<Member>>(h =>
            h.HandleAsync(_code, false, TestCallers.Admin, CancellationToken.None))).Single();
        foreach (var date in new[] { "2025-03-03", "2025-04-07" })
        {
            await host.With<RecordSessionHandler, (Board, Session)>(h => h.HandleAsync(_code, new RecordSessionCommand
            {
                Date = date,
                Agenda = "Seguimiento",
                Attendees = [active.Id.ToString()],
                Agreements = [new AgreementInput("Visitar la colonia", "mds", "2025-12-01", null)],
            }, TestCallers.Admin, CancellationToken.None));
        }

        var listed = await CallGrpcAsync((s, c) =>
            s.ListSessions(new Proto.ListSessionsRequest { MunicipalityCode = _code }, c), Principal(null, BoardsRoles.Integrator));
        var denied = await Assert.ThrowsAsync<RpcException>(() => CallGrpcAsync((s, c) =>
            s.ListSessions(new Proto.ListSessionsRequest { MunicipalityCode = _code }, c), Principal("alto-vera", BoardsRoles.FocalPoint)));

        Assert.Equal(["2025-04-07", "2025-03-03"], listed.Sessions.Select(x => x.Date).ToArray());
        var newest = listed.Sessions[0];
        // 1 voting member active on the date (the other ceased on 2024-12-31): 1 of 1 is quorum.
        Assert.Equal((1, 1, 1, true), (newest.VotingMembers, newest.VotingPresent, newest.QuorumRequired, newest.QuorumReached));
        Assert.Equal(Proto.SessionStatus.Draft, newest.Status);
        Assert.Equal(active.Id.ToString(), Assert.Single(newest.AttendeeMemberIds));
        var agreement = Assert.Single(newest.Agreements);
        Assert.Equal(("mds", "2025-12-01", Proto.AgreementStatus.Pending), (agreement.ResponsibleInstitution, agreement.DueOn, agreement.Status));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task Grpc_reads_the_latest_representativity_within_the_board_scope()
    {
        var assessed = await CallGrpcAsync((s, c) =>
            s.GetRepresentativity(new Proto.GetRepresentativityRequest { MunicipalityCode = _code }, c), Principal(_code, BoardsRoles.FocalPoint));
        var denied = await Assert.ThrowsAsync<RpcException>(() => CallGrpcAsync((s, c) =>
            s.GetRepresentativity(new Proto.GetRepresentativityRequest { MunicipalityCode = _code }, c), Principal("alto-vera", BoardsRoles.FocalPoint)));

        Assert.Equal(_code, assessed.MunicipalityCode);
        Assert.Equal(1, assessed.PolicyVersion);
        Assert.Equal("roster", assessed.Basis);
        Assert.Equal(1, assessed.ActiveVotingMembers);
        Assert.Equal(8, assessed.Components.Count);
        Assert.Contains("sin gobierno local", assessed.Gaps);
        Assert.Contains("RequiredSectorMissing", assessed.Flags);
        Assert.Equal(assessed.Score, assessed.Components.Sum(c => c.Contribution), 1);
        Assert.NotEmpty(assessed.Components.Single(c => c.Name == "GenderParity").Inputs);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task Grpc_without_a_token_is_unauthenticated()
    {
        using var channel = GrpcChannel.ForAddress(host.Factory.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new ResponseVersionHandler { InnerHandler = host.Factory.Server.CreateHandler() },
        });
        var client = new Proto.BoardService.BoardServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.ListBoardsAsync(new Proto.ListBoardsRequest(), deadline: DateTime.UtcNow.AddSeconds(10)));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Theory]
    [InlineData("/api/boards")]
    [InlineData("/api/boards/alto-vera/members")]
    [InlineData("/api/boards/alto-vera/focal-points")]
    [InlineData("/api/boards/alto-vera/sessions")]
    public async Task Rest_without_a_token_is_401(string path)
    {
        using var client = host.Factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Health_is_anonymous()
    {
        using var client = host.Factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_every_board_route()
    {
        using var client = host.Factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/boards", paths);
        Assert.Contains("/api/boards/{municipalityCode}/members/{memberId}/end", paths);
        Assert.Contains("/api/boards/{municipalityCode}/focal-point", paths);
        Assert.Contains("/api/boards/{municipalityCode}/focal-points", paths);
        Assert.Contains("/api/boards/{municipalityCode}/representativity", paths);
        Assert.Contains("/api/boards/representativity-policy", paths);
        Assert.Contains("/api/boards/municipalities/{municipalityCode}/context", paths);
        Assert.Contains("/api/boards/{municipalityCode}/sessions", paths);
        Assert.Contains("/api/boards/{municipalityCode}/sessions/{sessionId}", paths);
        Assert.Contains("/api/boards/{municipalityCode}/sessions/{sessionId}/agreements/{agreementId}/status", paths);
    }

    public static TheoryData<Exception, int, string> Problems() => new()
    {
        { new ValidationFailedException(new Dictionary<string, string[]> { ["personName"] = ["Indique el nombre de la persona."] }), 400, "La solicitud tiene datos inválidos." },
        { new DomainValidationException("startsOn", "La fecha de inicio no puede ser futura."), 400, "La solicitud tiene datos inválidos." },
        { new ForbiddenException("Como punto focal de 'pilar' no puede ver la mesa de 'laurel'."), 403, "Fuera de su alcance." },
        { new NotFoundException("El municipio 'x' no tiene una mesa registrada."), 404, "No encontrado." },
        { new BoardRuleException("focal_point_required", "Designe primero a otro punto focal."), 409, "La mesa no permite este cambio." },
        { new ConcurrencyConflictException("La mesa cambió mientras tanto."), 409, "Versión desactualizada." },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public async Task Rest_errors_are_problem_details_in_spanish(Exception exception, int status, string title)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        using var body = new MemoryStream();
        context.Response.Body = body;
        var handler = ActivatorUtilities.CreateInstance<ProblemDetailsErrorHandler>(scope.ServiceProvider);

        Assert.True(await handler.TryHandleAsync(context, exception, CancellationToken.None));

        Assert.Equal(status, context.Response.StatusCode);
        Assert.StartsWith("application/problem+json", context.Response.ContentType, StringComparison.Ordinal);
        body.Position = 0;
        using var json = await JsonDocument.ParseAsync(body);
        Assert.Equal(title, json.RootElement.GetProperty("title").GetString());
        if (status == 400)
        {
            Assert.True(json.RootElement.GetProperty("errors").EnumerateObject().Any());
        }

        if (exception is BoardRuleException)
        {
            Assert.Equal("focal_point_required", json.RootElement.GetProperty("rule").GetString());
        }
    }

    [Fact]
    public async Task Rest_json_is_camel_case_with_snake_case_codes()
    {
        var members = await host.With<Boards.Membership.Features.ListMembers.ListMembersHandler, IReadOnlyList<Member>>(h =>
            h.HandleAsync(_code, true, TestCallers.Analyst, CancellationToken.None));
        var options = host.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(MemberView.From(members.Single(m => m.Id == _ceased), seesSensitiveData: true), options));

        var root = json.RootElement;
        Assert.Equal("community_organization", root.GetProperty("sector").GetString());
        Assert.Equal("female", root.GetProperty("gender").GetString());
        Assert.Equal("adult", root.GetProperty("ageBand").GetString());
        Assert.Equal("rural", root.GetProperty("territory").GetProperty("area").GetString());
        Assert.Equal("member", root.GetProperty("position").GetString());
        Assert.Equal("2023-02-01", root.GetProperty("designatedOn").GetString());
        Assert.Equal("2024-12-31", root.GetProperty("ceasedOn").GetString());
        Assert.False(root.GetProperty("active").GetBoolean());
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<AddMemberCommand>("""{"sector": 4}""", options));
        Assert.Equal(Sector.CivilSocietyOrganization, JsonSerializer.Deserialize<AddMemberCommand>("""{"sector": "civil_society_organization"}""", options)!.Sector);
    }

    /// <summary>TestServer answers HTTP/1.1; the gRPC client insists on the request's HTTP/2.</summary>
    private sealed class ResponseVersionHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            response.Version = request.Version;
            return response;
        }
    }

    /// <summary>A ServerCallContext carrying an HttpContext, as Grpc.AspNetCore's GetHttpContext() reads it.</summary>
    private sealed class ConstructedCallContext : ServerCallContext
    {
        private readonly Dictionary<object, object> _userState = new();

        public ConstructedCallContext(HttpContext httpContext) => _userState["__HttpContext"] = httpContext;

        protected override string MethodCore => "/boards.membership.v1.BoardService/Test";
        protected override string HostCore => "localhost";
        protected override string PeerCore => "ipv4:127.0.0.1:0";
        protected override DateTime DeadlineCore => DateTime.MaxValue;
        protected override Metadata RequestHeadersCore => [];
        protected override CancellationToken CancellationTokenCore => CancellationToken.None;
        protected override Metadata ResponseTrailersCore => [];
        protected override Grpc.Core.Status StatusCore { get; set; }
        protected override WriteOptions? WriteOptionsCore { get; set; }
        protected override AuthContext AuthContextCore => new(null, []);
        protected override IDictionary<object, object> UserStateCore => _userState;

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
            throw new NotSupportedException();

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
