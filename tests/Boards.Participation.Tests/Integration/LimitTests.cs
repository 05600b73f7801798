namespace Boards.Participation.Tests.Integration;

/// <summary>Every text field of a request has its maximum (ParticipationLimits): declared, and refused above it by name.</summary>
public sealed class LimitTests(ParticipationHost host) : IClassFixture<ParticipationHost>
{
    private static string Text(int length) => new('ñ', length);

    [Fact]
    public async Task Every_text_field_of_a_rest_body_declares_its_maximum_in_the_openapi_document()
    {
        using var client = host.Anonymous();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var undeclared = OpenApiLimits.Undeclared(document.RootElement);

        Assert.True(undeclared.Count == 0, string.Join("\n", undeclared));
    }

    [Fact]
    public async Task Fields_over_their_maximum_are_refused_each_named_and_nothing_is_written()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.FocalPoint(municipality);
        using var person = host.Anonymous();

        var slips = await (await focal.PostJsonAsync("/api/participation/slips", new { municipalityCode = Text(65), source = Text(33), ageBand = Text(33), count = 201 }))
            .JsonAsync(HttpStatusCode.BadRequest);
        var answer = await (await person.PostJsonAsync("/pulse/v1/answers", new { code = Text(33), trustBoard = 0 })).JsonAsync(HttpStatusCode.BadRequest);
        var paper = await (await focal.PostJsonAsync("/api/participation/paper-answers", new { quarter = Text(8), municipalityCode = Text(65), trustBoard = 2 }))
            .JsonAsync(HttpStatusCode.BadRequest);
        var garbage = await focal.PostAsync("/api/participation/slips", new StringContent("{\"count\": \"muchas\"", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(["ageBand", "count", "municipalityCode", "source"], slips.ErrorFields());
        Assert.Equal(["code", "trustBoard"], answer.ErrorFields());
        Assert.Equal(["municipalityCode", "quarter"], paper.ErrorFields());
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(0, await host.InScopeAsync(db => db.SlipBatches.CountAsync(b => b.MunicipalityCode == municipality)));
    }
}
