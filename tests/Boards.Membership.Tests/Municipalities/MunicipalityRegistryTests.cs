using System.Net;
using Boards.BuildingBlocks.Outbox;
using Boards.Membership.Features.CorrectMunicipality;
using Boards.Membership.Features.GetMunicipality;
using Boards.Membership.Features.ListMunicipalities;
using Boards.Membership.Features.Municipalities;
using Boards.Membership.Features.RegisterMunicipality;
using Boards.Membership.Tests.Integration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Boards.Membership.Tests.Municipalities;

/// <summary>
/// Membership is the municipality registry of record: it serves the list Referrals used to serve, lets ministry-admin
/// add districts (announced as MunicipalityRegistered through the outbox and RabbitMQ) and uses them at once.
/// </summary>
public sealed class MunicipalityRegistryTests(MembershipHost host, RegistrationListener listener)
    : IClassFixture<MembershipHost>, IClassFixture<RegistrationListener>
{
    private const string MunicipalityRegisteredType = "Boards.Membership.Contracts.Events.MunicipalityRegistered, Boards.Membership.Contracts";

    private static string NewCode() => $"distrito-{Guid.NewGuid().ToString("N")[..10]}";

    private static RegisterMunicipalityCommand Valid(string code) => new()
    {
        Code = code,
        Name = "Mariscal José Félix Estigarribia",
        Department = "boqueron", // accents and case do not matter; the official spelling is stored
        DepartmentNumber = 16,
        Status = "expansion-2026",
        RuralLocalities = 12,
        HasIndigenousCommunities = true,
    };

    private Task<Municipality> RegisterAsync(RegisterMunicipalityCommand command, Caller caller) =>
        host.With<RegisterMunicipalityHandler, Municipality>(r => r.HandleAsync(command, caller, CancellationToken.None));

    private Task<Municipality> CorrectAsync(string code, CorrectMunicipalityCommand command, Caller caller) =>
        host.With<CorrectMunicipalityHandler, Municipality>(r => r.HandleAsync(code, command, caller, CancellationToken.None));

    [Fact]
    public async Task The_list_has_the_shipped_districts_ordered_by_department_number_then_name()
    {
        var list = await host.With<ListMunicipalitiesHandler, IReadOnlyList<MunicipalityView>>(r => r.HandleAsync(CancellationToken.None));
        var numbers = await host.InScopeAsync(services => services.GetRequiredService<MembershipDbContext>().Municipalities
            .ToDictionaryAsync(m => m.Code, m => m.DepartmentNumber));

        Assert.Contains(list, m => m is { Code: "alto-vera", Name: "Alto Verá", Department: "Itapúa" });
        Assert.True(list.Count >= 18);
        var departments = list.Select(m => numbers[m.Code]).ToList();
        Assert.Equal(departments.Order(), departments);
        Assert.Equal(["alberdi", "pilar", "villa-franca", "villa-oliva"], list.Where(m => m.Department == "Ñeembucú").Select(m => m.Code));
    }

    [Fact]
    public void The_list_keeps_the_json_shape_referrals_served()
    {
        var options = host.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(new MunicipalityView("alto-vera", "Alto Verá", "Itapúa"), options));

        Assert.Equal(["code", "name", "department"], json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task One_district_is_read_by_code_and_an_unknown_code_is_not_found()
    {
        var pilar = await host.With<GetMunicipalityHandler, Municipality>(r => r.HandleAsync(" Pilar ", CancellationToken.None));
        var missing = await Assert.ThrowsAsync<NotFoundException>(() =>
            host.With<GetMunicipalityHandler, Municipality>(r => r.HandleAsync("no-existe", CancellationToken.None)));

        Assert.Equal(("pilar", "Pilar", "Ñeembucú", 12, "pilot-2021"), (pilar.Code, pilar.Name, pilar.Department, pilar.DepartmentNumber, pilar.Status));
        Assert.Contains("no-existe", missing.Message);
    }

    [Fact]
    public async Task An_admin_adds_a_district_that_is_announced_on_rabbitmq_and_can_have_a_board_at_once()
    {
        var code = NewCode();

        var added = await RegisterAsync(Valid(code), TestCallers.Admin);

        Assert.Equal(("Boquerón", 16, "expansion-2026", 12, true), (added.Department, added.DepartmentNumber, added.Status, added.RuralLocalities, added.HasIndigenousCommunities));
        var announced = await listener.WaitForAsync(code);
        Assert.Equal(("Mariscal José Félix Estigarribia", "Boquerón", 16, "expansion-2026"),
            (announced.Name, announced.Department, announced.DepartmentNumber, announced.Status));
        var board = await host.With<CreateBoardHandler, Board>(h => h.HandleAsync(new CreateBoardCommand
        {
            MunicipalityCode = code,
            ResolutionNumber = "Res. 12/2026",
            ResolutionDate = "2026-01-15",
            ChairName = "Intendente",
            ChairRole = ChairRole.Mayor,
        }, TestCallers.Admin, CancellationToken.None));
        Assert.Equal(code, board.MunicipalityCode);
        var listed = await host.With<ListMunicipalitiesHandler, IReadOnlyList<MunicipalityView>>(r => r.HandleAsync(CancellationToken.None));
        Assert.Contains(listed, m => m.Code == code);
    }

    [Fact]
    public async Task Asuncion_is_department_zero()
    {
        var code = NewCode();

        var added = await RegisterAsync(new RegisterMunicipalityCommand { Code = code, Name = "Asunción", DepartmentNumber = 0, Status = "pilot-2026" }, TestCallers.Admin);

        Assert.Equal(("Asunción", 0, (int?)null), (added.Department, added.DepartmentNumber, added.RuralLocalities));
    }

    [Fact]
    public async Task Only_ministry_admin_adds_or_corrects_districts()
    {
        var code = NewCode();

        await Assert.ThrowsAsync<ForbiddenException>(() => RegisterAsync(Valid(code), TestCallers.FocalPoint("alto-vera")));
        await Assert.ThrowsAsync<ForbiddenException>(() => RegisterAsync(Valid(code), TestCallers.Analyst));
        await Assert.ThrowsAsync<ForbiddenException>(() => CorrectAsync("pilar", new CorrectMunicipalityCommand(), TestCallers.Analyst));
        Assert.False(await host.InScopeAsync(services => services.GetRequiredService<MembershipDbContext>().Municipalities.AnyAsync(m => m.Code == code)));
    }

    [Fact]
    public void The_write_routes_require_the_ministry_admin_policy_and_the_reads_a_token()
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/municipalities", StringComparison.Ordinal) == true)
            .ToDictionary(e => $"{e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single()} {e.RoutePattern.RawText!.TrimEnd('/')}");

        string?[] Policies(string key) => endpoints[key].Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToArray();

        Assert.Contains(BoardsPolicies.MinistryAdmin, Policies("POST /api/municipalities"));
        Assert.Contains(BoardsPolicies.MinistryAdmin, Policies("PUT /api/municipalities/{code}"));
        Assert.DoesNotContain(BoardsPolicies.MinistryAdmin, Policies("GET /api/municipalities"));
        Assert.NotEmpty(Policies("GET /api/municipalities/{code}"));
    }

    [Fact]
    public async Task A_code_that_exists_is_a_conflict_with_a_spanish_problem()
    {
        var duplicate = await Assert.ThrowsAsync<MunicipalityRuleException>(() => RegisterAsync(Valid("alto-vera"), TestCallers.Admin));

        Assert.Equal(MunicipalityRuleException.Exists, duplicate.Rule);
        var (status, json) = await ProblemAsync(duplicate);
        Assert.Equal(409, status);
        Assert.Equal("El registro de municipios no permite este cambio.", json.GetProperty("title").GetString());
        Assert.Equal("Ya existe el municipio 'alto-vera' (Alto Verá, Itapúa).", json.GetProperty("detail").GetString());
        Assert.Equal("municipality_exists", json.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Bad_fields_are_all_reported_by_name()
    {
        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() => RegisterAsync(new RegisterMunicipalityCommand(), TestCallers.Admin));
        var wrong = await Assert.ThrowsAsync<ValidationFailedException>(() => RegisterAsync(new RegisterMunicipalityCommand
        {
            Code = "San Juan Bautista",
            Name = "San Juan Bautista",
            Department = "Central",
            DepartmentNumber = 8,
            Status = "piloto",
            RuralLocalities = -1,
        }, TestCallers.Admin));
        var outOfRange = await Assert.ThrowsAsync<ValidationFailedException>(() => RegisterAsync(Valid(NewCode()) with
        {
            DepartmentNumber = 18,
            Status = "expansion-1999",
        }, TestCallers.Admin));

        Assert.Equal(["code", "departmentNumber", "name", "status"], empty.Errors.Keys.Order());
        Assert.Equal(["code", "department", "ruralLocalities", "status"], wrong.Errors.Keys.Order());
        Assert.Contains("'san-juan-bautista'", wrong.Errors["code"][0]);
        Assert.Equal("El departamento 8 es Misiones, no 'Central'.", wrong.Errors["department"][0]);
        Assert.Equal(["departmentNumber", "status"], outOfRange.Errors.Keys.Order());
        var (status, json) = await ProblemAsync(wrong);
        Assert.Equal(400, status);
        Assert.True(json.GetProperty("errors").TryGetProperty("ruralLocalities", out _));
    }

    [Fact]
    public async Task An_added_district_is_corrected_and_announced_again_but_the_shipped_list_is_corrected_in_its_file()
    {
        var code = NewCode();
        await RegisterAsync(Valid(code), TestCallers.Admin);

        var corrected = await CorrectAsync(code, new CorrectMunicipalityCommand
        {
            Name = "Mariscal Estigarribia",
            Department = "Boquerón",
            DepartmentNumber = 16,
            Status = "pilot-2026",
        }, TestCallers.Admin);
        var shipped = await Assert.ThrowsAsync<MunicipalityRuleException>(() => CorrectAsync("pilar", new CorrectMunicipalityCommand
        {
            Name = "Pilar", DepartmentNumber = 12, Status = "pilot-2021",
        }, TestCallers.Admin));
        var unknownCode = NewCode();
        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => CorrectAsync(unknownCode, new CorrectMunicipalityCommand
        {
            Name = "X", DepartmentNumber = 1, Status = "pilot-2021",
        }, TestCallers.Admin));

        Assert.Equal(("Mariscal Estigarribia", "pilot-2026", 12), (corrected.Name, corrected.Status, corrected.RuralLocalities));
        var announced = await listener.WaitForAsync(code, m => m.Name == "Mariscal Estigarribia");
        Assert.Equal("pilot-2026", announced.Status);
        Assert.Equal(MunicipalityRuleException.ShippedList, shipped.Rule);
        Assert.Equal(409, (await ProblemAsync(shipped)).Status);
        Assert.Contains(unknownCode, unknown.Message);
    }

    [Fact]
    public async Task The_seed_announces_each_shipped_district_once_in_the_outbox()
    {
        Task<int> CountAsync() => host.InScopeAsync(async services =>
            (await services.GetRequiredService<MembershipDbContext>().Set<OutboxMessage>()
                .Where(m => m.MessageType == MunicipalityRegisteredType).Select(m => m.Payload).ToListAsync())
            .Count(payload => payload.Contains("pilot-2021", StringComparison.Ordinal)));

        var before = await CountAsync();
        await host.Services.SeedMunicipalitiesAsync();
        var after = await CountAsync();

        Assert.Equal(16, before); // the pilot-2021 rows of data/reference/municipalities.csv
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData("GET", "/api/municipalities")]
    [InlineData("GET", "/api/municipalities/alto-vera")]
    [InlineData("POST", "/api/municipalities")]
    [InlineData("PUT", "/api/municipalities/alto-vera")]
    public async Task Without_a_token_it_is_401(string method, string path)
    {
        using var client = host.Factory.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_registry_routes()
    {
        using var client = host.Factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/municipalities", paths);
        Assert.Contains("/api/municipalities/{code}", paths);
    }

    private async Task<(int Status, JsonElement Json)> ProblemAsync(Exception exception)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        using var body = new MemoryStream();
        context.Response.Body = body;
        var handler = ActivatorUtilities.CreateInstance<ProblemDetailsErrorHandler>(scope.ServiceProvider);

        Assert.True(await handler.TryHandleAsync(context, exception, CancellationToken.None));

        body.Position = 0;
        using var json = await JsonDocument.ParseAsync(body);
        return (context.Response.StatusCode, json.RootElement.Clone());
    }
}
