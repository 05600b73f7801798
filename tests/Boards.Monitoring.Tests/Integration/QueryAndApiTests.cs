using System.Security.Claims;
using Boards.BuildingBlocks.Errors;
using Boards.Monitoring.Api.Grpc;
using Boards.Monitoring.Api.Rest;
using Boards.Monitoring.Contracts.Grpc;
using Boards.Monitoring.Features.GetMunicipality;
using Boards.Monitoring.Features.ListMunicipalities;
using Google.Rpc;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Summary = Boards.Monitoring.Domain.MunicipalitySummary;

namespace Boards.Monitoring.Tests.Integration;

/// <summary>
/// Scope, REST and gRPC answers over the real read model. Tokens are not minted here: the handlers, the REST endpoints
/// and the gRPC service are called with constructed callers (token-level checks live in the end-to-end suite); their
/// refusals go through the app's own exception handler and gRPC error interceptor, as in the pipeline.
/// Without a token the real HTTP pipeline answers 401 / Unauthenticated.
/// </summary>
public sealed class QueryAndApiTests(MonitoringHost host) : IClassFixture<MonitoringHost>, IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly string _own = TestCodes.Unique("propio");
    private readonly string _other = TestCodes.Unique("otro");

    public async Task InitializeAsync()
    {
        await host.PublishAndWaitAsync(TestCodes.Registration(_own, "Alto Verá", "Itapúa", 7));
        await host.PublishAndWaitAsync(TestCodes.Registration(_other, "Yatytay", "Itapúa", 7));
        var story = new ReferralStory(_own, T0);
        await host.PublishAndWaitAsync(story.Requested());
        await host.PublishAndWaitAsync(story.Accepted(afterDays: 1.25));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Caller Caller(string? municipality, params string[] roles) =>
        new("sub", "usuario", roles.ToHashSet(StringComparer.Ordinal), municipality, null);

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

    private Task<T> WithService<T, TService>(Func<TService, Task<T>> action) where TService : notnull =>
        host.InScopeAsync(services => action(services.GetRequiredService<TService>()));

    // ---- handlers: the scope policy applied to real data ----

    [Fact]
    public async Task Ministry_lists_every_municipality_and_a_focal_point_only_its_own()
    {
        var all = await WithService<IReadOnlyList<Summary>, ListMunicipalitiesHandler>(
            q => q.HandleAsync(Caller(null, BoardsRoles.MinistryAnalyst), CancellationToken.None));
        var own = await WithService<IReadOnlyList<Summary>, ListMunicipalitiesHandler>(
            q => q.HandleAsync(Caller(_own, BoardsRoles.FocalPoint), CancellationToken.None));

        Assert.Contains(all, s => s.Code == _own);
        Assert.Contains(all, s => s.Code == _other);

        var only = Assert.Single(own);
        Assert.Equal(_own, only.Code);
        Assert.Equal(1, only.Referrals.Accepted);
    }

    [Theory]
    [InlineData(BoardsRoles.InstitutionOfficer)]
    [InlineData(BoardsRoles.Integrator)]
    public async Task Institution_roles_are_refused_the_list(string role)
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => WithService<IReadOnlyList<Summary>, ListMunicipalitiesHandler>(
            q => q.HandleAsync(Caller(_own, role), CancellationToken.None)));
    }

    [Fact]
    public async Task A_focal_point_gets_its_own_municipality_and_is_refused_another_or_an_unknown_one()
    {
        var focal = Caller(_own, BoardsRoles.FocalPoint);

        var own = await WithService<Summary, GetMunicipalityHandler>(q => q.HandleAsync(focal, _own.ToUpperInvariant(), default));

        Assert.Equal(_own, own.Code);
        await Assert.ThrowsAsync<ForbiddenException>(() => WithService<Summary, GetMunicipalityHandler>(q => q.HandleAsync(focal, _other, default)));
        // Scope first: a refusal does not reveal whether the code exists.
        await Assert.ThrowsAsync<ForbiddenException>(() => WithService<Summary, GetMunicipalityHandler>(q => q.HandleAsync(focal, "no-existe", default)));
    }

    [Fact]
    public async Task Ministry_gets_not_found_for_an_unknown_code_and_invalid_for_an_empty_one()
    {
        var analyst = Caller(null, BoardsRoles.MinistryAnalyst);

        var unknown = await Assert.ThrowsAsync<NotFoundException>(() =>
            WithService<Summary, GetMunicipalityHandler>(q => q.HandleAsync(analyst, "no-existe", default)));
        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            WithService<Summary, GetMunicipalityHandler>(q => q.HandleAsync(analyst, "  ", default)));

        Assert.Contains("no-existe", unknown.Message);
        Assert.Equal("code", Assert.Single(empty.Errors).Key);
    }

    // ---- REST: the endpoints' typed results, executed against the app's own JSON and problem-details services ----

    [Fact]
    public async Task Rest_returns_the_summary_in_camel_case_json()
    {
        var (status, contentType, json) = await ExecuteRestAsync(services => MonitoringEndpoints.GetMunicipalityAsync(
            _own, Principal(null, BoardsRoles.MinistryAdmin), services.GetRequiredService<GetMunicipalityHandler>(), default));

        Assert.Equal(200, status);
        Assert.StartsWith("application/json", contentType);
        var root = json.RootElement;
        Assert.Equal(_own, root.GetProperty("code").GetString());
        Assert.Equal("Alto Verá", root.GetProperty("name").GetString());
        Assert.Equal("Itapúa", root.GetProperty("department").GetString());
        var referrals = root.GetProperty("referrals");
        Assert.Equal(1, referrals.GetProperty("sent").GetInt32());
        Assert.Equal(1, referrals.GetProperty("open").GetInt32());
        Assert.Equal(1, referrals.GetProperty("accepted").GetInt32());
        Assert.Equal(0, referrals.GetProperty("overdue").GetInt32());
        Assert.Equal(0, root.GetProperty("closedLoopRate").GetDouble());
        Assert.Equal(1.25, root.GetProperty("medianDaysToAccept").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("medianDaysToCounterReferral").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("representativity").ValueKind);
    }

    [Fact]
    public async Task Rest_and_grpc_show_the_representativity_score_and_gaps()
    {
        var assessed = TestCodes.Assessed(_own, T0.AddDays(3), 47.5m, "sin organizaciones de la sociedad civil", "mujeres 25% < meta 40%");
        await host.PublishAndWaitAsync(assessed);

        var (status, _, json) = await ExecuteRestAsync(services => MonitoringEndpoints.GetMunicipalityAsync(
            _own, Principal(null, BoardsRoles.MinistryAnalyst), services.GetRequiredService<GetMunicipalityHandler>(), default));
        var (listStatus, _, list) = await ExecuteRestAsync(services => MonitoringEndpoints.ListMunicipalitiesAsync(
            Principal(null, BoardsRoles.MinistryAnalyst), services.GetRequiredService<ListMunicipalitiesHandler>(), default));
        var proto = await CallGrpcAsync((service, context) =>
            service.GetMunicipality(new GetMunicipalityRequest { Code = _own }, context), Principal(_own, BoardsRoles.FocalPoint));

        Assert.Equal(200, status);
        var representativity = json.RootElement.GetProperty("representativity");
        Assert.Equal(47.5m, representativity.GetProperty("score").GetDecimal());
        Assert.Equal(2, representativity.GetProperty("policyVersion").GetInt32());
        Assert.Equal(["sin organizaciones de la sociedad civil", "mujeres 25% < meta 40%"],
            representativity.GetProperty("gaps").EnumerateArray().Select(g => g.GetString()!).ToArray());
        Assert.Equal(T0.AddDays(3), representativity.GetProperty("assessedAt").GetDateTimeOffset());
        Assert.Equal(200, listStatus);
        var listed = list.RootElement.EnumerateArray().Single(m => m.GetProperty("code").GetString() == _own);
        Assert.Equal(47.5m, listed.GetProperty("representativity").GetProperty("score").GetDecimal());
        Assert.Equal(JsonValueKind.Null,
            list.RootElement.EnumerateArray().Single(m => m.GetProperty("code").GetString() == _other).GetProperty("representativity").ValueKind);
        Assert.Equal(47.5, proto.Representativity.Score);
        Assert.Equal(2, proto.Representativity.PolicyVersion);
        Assert.Equal(["sin organizaciones de la sociedad civil", "mujeres 25% < meta 40%"], proto.Representativity.Gaps);
        Assert.Equal(T0.AddDays(3), proto.Representativity.AssessedAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task Rest_list_for_a_focal_point_holds_only_its_municipality()
    {
        var (status, _, json) = await ExecuteRestAsync(services => MonitoringEndpoints.ListMunicipalitiesAsync(
            Principal(_own, BoardsRoles.FocalPoint), services.GetRequiredService<ListMunicipalitiesHandler>(), default));

        Assert.Equal(200, status);
        var item = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(_own, item.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("other", BoardsRoles.FocalPoint, 403, "Fuera de su alcance.")]
    [InlineData("other", BoardsRoles.InstitutionOfficer, 403, "Fuera de su alcance.")]
    [InlineData("unknown", BoardsRoles.MinistryAnalyst, 404, "Municipio no encontrado.")]
    [InlineData(" ", BoardsRoles.MinistryAnalyst, 400, "La solicitud tiene datos inválidos.")]
    public async Task Rest_refusals_are_problem_details_in_spanish(string which, string role, int expectedStatus, string expectedTitle)
    {
        var code = which switch { "other" => _other, "unknown" => "no-existe", _ => which };

        var (status, contentType, json) = await ExecuteRestAsync(services => MonitoringEndpoints.GetMunicipalityAsync(
            code, Principal(_own, role), services.GetRequiredService<GetMunicipalityHandler>(), default));

        Assert.Equal(expectedStatus, status);
        Assert.StartsWith("application/problem+json", contentType);
        Assert.Equal(expectedTitle, json.RootElement.GetProperty("title").GetString());
        Assert.Equal(expectedStatus, json.RootElement.GetProperty("status").GetInt32());
        if (expectedStatus == 400)
        {
            Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("code", out _));
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("detail").GetString()));
        }
    }

    private async Task<(int Status, string ContentType, JsonDocument Json)> ExecuteRestAsync<TResult>(Func<IServiceProvider, Task<TResult>> handler)
        where TResult : IResult
    {
        await using var scope = host.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        using var body = new MemoryStream();
        context.Response.Body = body;

        try
        {
            await (await handler(scope.ServiceProvider)).ExecuteAsync(context);
        }
        catch (Exception exception)
        {
            // What UseExceptionHandler does with a refusal: the app's exception handlers write it as problem details.
            var handled = false;
            foreach (var exceptionHandler in scope.ServiceProvider.GetServices<IExceptionHandler>())
            {
                if (await exceptionHandler.TryHandleAsync(context, exception, CancellationToken.None))
                {
                    handled = true;
                    break;
                }
            }

            Assert.True(handled, $"No exception handler answered {exception}");
        }

        body.Position = 0;
        return (context.Response.StatusCode, context.Response.ContentType ?? "", await JsonDocument.ParseAsync(body));
    }

    // ---- gRPC: the service class with a constructed caller; errors carry google.rpc details ----

    [Fact]
    public async Task Grpc_returns_the_same_figures_with_unset_wrappers_for_undefined_values()
    {
        var summary = await CallGrpcAsync((service, context) =>
            service.GetMunicipality(new GetMunicipalityRequest { Code = _own }, context), Principal(null, BoardsRoles.MinistryAnalyst));

        Assert.Equal("Alto Verá", summary.Name);
        Assert.Equal(1, summary.Referrals.Sent);
        Assert.Equal(1, summary.Referrals.Accepted);
        Assert.Equal(0.0, summary.ClosedLoopRate);
        Assert.Equal(1.25, summary.MedianDaysToAccept);
        Assert.Null(summary.MedianDaysToCounterReferral);
        Assert.Null(summary.Representativity);

        var list = await CallGrpcAsync((service, context) =>
            service.ListMunicipalities(new ListMunicipalitiesRequest(), context), Principal(_own, BoardsRoles.FocalPoint));
        Assert.Equal(_own, Assert.Single(list.Municipalities).Code);
    }

    [Fact]
    public async Task Grpc_refuses_with_permission_denied_not_found_and_invalid_argument()
    {
        var denied = await Assert.ThrowsAsync<RpcException>(() => CallGrpcAsync((service, context) =>
            service.GetMunicipality(new GetMunicipalityRequest { Code = _other }, context), Principal(_own, BoardsRoles.FocalPoint)));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        var integrator = await Assert.ThrowsAsync<RpcException>(() => CallGrpcAsync((service, context) =>
            service.ListMunicipalities(new ListMunicipalitiesRequest(), context), Principal(null, BoardsRoles.Integrator)));
        Assert.Equal(StatusCode.PermissionDenied, integrator.StatusCode);

        var missing = await Assert.ThrowsAsync<RpcException>(() => CallGrpcAsync((service, context) =>
            service.GetMunicipality(new GetMunicipalityRequest { Code = "no-existe" }, context), Principal(null, BoardsRoles.MinistryAdmin)));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);

        var empty = await Assert.ThrowsAsync<RpcException>(() => CallGrpcAsync((service, context) =>
            service.GetMunicipality(new GetMunicipalityRequest { Code = "" }, context), Principal(null, BoardsRoles.MinistryAdmin)));
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        var badRequest = empty.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal("code", Assert.Single(badRequest.FieldViolations).Field);
    }

    /// <summary>Calls the service through the app's gRPC error interceptor, which turns refusals into statuses.</summary>
    private async Task<T> CallGrpcAsync<T>(Func<MonitoringGrpcService, ServerCallContext, Task<T>> call, ClaimsPrincipal user)
        where T : class
    {
        await using var scope = host.Services.CreateAsyncScope();
        var service = ActivatorUtilities.CreateInstance<MonitoringGrpcService>(scope.ServiceProvider);
        var interceptor = ActivatorUtilities.CreateInstance<GrpcErrorInterceptor>(scope.ServiceProvider);
        var context = new ConstructedCallContext(new DefaultHttpContext { User = user, RequestServices = scope.ServiceProvider });
        return await interceptor.UnaryServerHandler<object, T>(new object(), context, (_, callContext) => call(service, callContext));
    }

    // ---- the real HTTP pipeline: no token, no data ----

    [Theory]
    [InlineData("/api/monitoring/municipalities")]
    [InlineData("/api/monitoring/municipalities/alto-vera")]
    public async Task Rest_without_a_token_is_401(string path)
    {
        using var client = host.Factory.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_is_anonymous()
    {
        using var client = host.Factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Grpc_without_a_token_is_unauthenticated()
    {
        using var channel = host.Channel();
        var client = new MonitoringService.MonitoringServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.ListMunicipalitiesAsync(new ListMunicipalitiesRequest(), deadline: DateTime.UtcNow.AddSeconds(10)));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    /// <summary>A ServerCallContext carrying an HttpContext, as Grpc.AspNetCore's GetHttpContext() reads it.</summary>
    private sealed class ConstructedCallContext : ServerCallContext
    {
        private readonly Dictionary<object, object> _userState = new();

        public ConstructedCallContext(HttpContext httpContext) => _userState["__HttpContext"] = httpContext;

        protected override string MethodCore => "/boards.monitoring.v1.MonitoringService/Test";
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
