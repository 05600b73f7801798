using Google.Rpc;
using Grpc.Core;
using Proto = Boards.Needs.Contracts.Grpc;

namespace Boards.Needs.Tests.Integration.Limits;

/// <summary>
/// Every text field and list of a Needs request has a declared maximum (NeedsLimits): over it the answer is 400 naming
/// the field (REST) or InvalidArgument naming the proto field (gRPC), nothing is written, and exactly the maximum is
/// accepted. The OpenAPI document shows every maximum.
/// </summary>
public sealed class FreeTextLimitTests(NeedsHost host) : IClassFixture<NeedsHost>
{
    private static string Text(int length) => new('ñ', length);

    private static string Services(string municipality) => $"/api/offer/{municipality}/services";

    [Fact]
    public async Task Every_text_field_and_list_of_a_rest_body_declares_its_maximum_in_the_openapi_document()
    {
        using var client = host.Client(null);
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var undeclared = OpenApiLimits.Undeclared(document.RootElement);

        Assert.True(undeclared.Count == 0, string.Join("\n", undeclared));
    }

    [Theory]
    [InlineData("name", 201)]
    [InlineData("name", 20_000)]
    [InlineData("program", 201)]
    [InlineData("eligibilitySummary", 2001)]
    [InlineData("eligibilitySummary", 200_000)]
    [InlineData("institutionCode", 65)]
    [InlineData("channel", 41)]
    [InlineData("capacityStatus", 41)]
    public async Task A_service_field_over_its_maximum_is_refused_naming_it_and_nothing_is_written(string field, int length)
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        var service = Http.Service("tekopora");
        service[field] = Text(length);

        var problem = await (await focal.PostJsonAsync(Services(municipality), service)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.ErrorFields());
        Assert.Equal(0, await CountAsync(db => db.Services.CountAsync(s => s.MunicipalityCode == municipality)));
    }

    [Fact]
    public async Task Service_code_lists_and_choices_over_their_maximum_are_refused_each_named()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        var service = Http.Service(Text(65));
        service["categories"] = Enumerable.Range(0, 51).Select(i => $"c{i}").ToArray();
        service["waitlistBand"] = Text(41);

        var problem = await (await focal.PostJsonAsync(Services(municipality), service)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Superset(new HashSet<string> { "code", "categories", "waitlistBand" }, problem.ErrorFields().ToHashSet());
    }

    [Fact]
    public async Task A_service_whose_texts_are_exactly_their_maximum_is_added_whole()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        var service = Http.Service("tekopora");
        service["name"] = Text(200);
        service["program"] = Text(200);
        service["eligibilitySummary"] = Text(2000);

        var created = await (await focal.PostJsonAsync(Services(municipality), service)).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(Text(2000), created.Str("eligibilitySummary"));
    }

    [Fact]
    public async Task Need_fields_over_their_maximum_are_refused_each_named_and_no_need_is_written()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        var round = (await Rounds.OpenAsync(focal, municipality)).GetProperty("id").GetGuid();
        var need = Rounds.Need("housing", 30, 4, locality: Text(20_000));
        need["evidenceNotes"] = Text(2001);
        need["category"] = Text(65);
        need["populationGroup"] = Text(41);
        need["evidenceSource"] = Text(41);

        var problem = await (await focal.PostJsonAsync($"{Rounds.Path}/{round}/needs", need)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Superset(
            new HashSet<string> { "locality", "evidenceNotes", "category", "populationGroup", "evidenceSource" },
            problem.ErrorFields().ToHashSet());
        Assert.Equal(0, await CountAsync(db => db.Needs.CountAsync(n => n.RoundId == round)));
    }

    [Fact]
    public async Task A_need_with_notes_of_exactly_their_maximum_is_recorded_whole()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        var round = (await Rounds.OpenAsync(focal, municipality)).GetProperty("id").GetGuid();
        var need = Rounds.Need("housing", 30, 4, locality: Text(200));
        need["evidenceNotes"] = Text(2000);

        var created = await (await focal.PostJsonAsync($"{Rounds.Path}/{round}/needs", need)).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(Text(2000), created.Str("evidenceNotes"));
    }

    [Fact]
    public async Task Round_title_period_and_ballot_fields_over_their_maximum_are_refused_each_named()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));

        var open = await (await focal.PostJsonAsync(Rounds.Path, new { municipalityCode = Text(65), period = Text(17), title = Text(20_000) }))
            .JsonAsync(HttpStatusCode.BadRequest);
        var round = (await Rounds.OpenAsync(focal, municipality)).GetProperty("id").GetGuid();
        var ballot = await (await focal.PutJsonAsync($"{Rounds.Path}/{round}/ballots/{Guid.NewGuid()}", new
        {
            memberName = Text(20_000), ranking = Enumerable.Range(0, 2001).Select(_ => Guid.NewGuid()).ToArray(),
        })).JsonAsync(HttpStatusCode.BadRequest);
        var close = await (await focal.PostJsonAsync($"{Rounds.Path}/{round}/close", new { expectedVersion = -1 }))
            .JsonAsync(HttpStatusCode.BadRequest);

        Assert.Superset(new HashSet<string> { "municipalityCode", "period", "title" }, open.ErrorFields().ToHashSet());
        Assert.Superset(new HashSet<string> { "memberName", "ranking" }, ballot.ErrorFields().ToHashSet());
        Assert.Contains("expectedVersion", close.ErrorFields());
        Assert.Equal(0, await CountAsync(db => db.Ballots.CountAsync(b => b.RoundId == round)));
    }

    [Fact]
    public async Task A_category_over_its_maximum_is_refused_naming_its_fields()
    {
        using var admin = host.Client(host.Admin());

        var problem = await (await admin.PostJsonAsync("/api/needs/categories", new { code = Text(65), name = Text(20_000) }))
            .JsonAsync(HttpStatusCode.BadRequest);

        Assert.Superset(new HashSet<string> { "code", "name" }, problem.ErrorFields().ToHashSet());
    }

    [Theory]
    [InlineData(65)]
    [InlineData(6_400)]
    public async Task Over_grpc_codes_over_their_maximum_are_invalid_argument_naming_the_field(int length)
    {
        var client = new Proto.OfferCatalog.OfferCatalogClient(host.Channel());
        var headers = new Metadata { { "authorization", $"Bearer {host.Integrator()}" } };

        var calls = new (string Field, Func<Task> Call)[]
        {
            ("municipality_code", () => client.ListServicesAsync(new Proto.ListServicesRequest { MunicipalityCode = Text(length) }, headers).ResponseAsync),
            ("category", () => client.ListServicesAsync(new Proto.ListServicesRequest { MunicipalityCode = "pilar", Category = Text(length) }, headers).ResponseAsync),
            ("service_code", () => client.GetServiceAsync(new Proto.GetServiceRequest { MunicipalityCode = "pilar", ServiceCode = Text(length) }, headers).ResponseAsync),
            ("municipality_code", () => client.CheckAvailabilityAsync(new Proto.CheckAvailabilityRequest { MunicipalityCode = Text(length), ServiceCode = "x" }, headers).ResponseAsync),
            ("service_code", () => client.CheckAvailabilityAsync(new Proto.CheckAvailabilityRequest { MunicipalityCode = "pilar", ServiceCode = Text(length) }, headers).ResponseAsync),
        };
        foreach (var (field, call) in calls)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
            Assert.Equal(field, Assert.Single(refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        }
    }

    private Task<int> CountAsync(Func<NeedsDbContext, Task<int>> count) =>
        host.InScopeAsync(services => count(services.GetRequiredService<NeedsDbContext>()));
}
