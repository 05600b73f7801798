using Boards.Needs.Features.SeedCategories;

namespace Boards.Needs.Tests.Integration;

/// <summary>The need categories over HTTP with real tokens: the shipped list, and ministry-admin extending it.</summary>
public sealed class CategoryTests(NeedsHost host) : IClassFixture<NeedsHost>
{
    [Fact]
    public async Task The_shipped_categories_are_seeded_and_any_boards_role_reads_them()
    {
        using var client = host.Client(host.FocalPoint("pilar"));

        var categories = await (await client.GetAsync("/api/needs/categories")).JsonAsync(HttpStatusCode.OK);

        var byCode = categories.EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("name").GetString());
        Assert.All(ShippedCategories.All, shipped => Assert.Equal(shipped.Name, byCode[shipped.Code]));
        Assert.Equal("Cuidados: niñez, personas mayores, discapacidad", byCode["care"]);
        Assert.Equal(10, ShippedCategories.All.Count);
    }

    [Fact]
    public async Task Ministry_admin_adds_a_category_once_and_a_second_time_is_409()
    {
        var code = $"transporte_{Guid.NewGuid().ToString("N")[..6]}";
        using var admin = host.Client(host.Admin());

        var created = await (await admin.PostJsonAsync("/api/needs/categories", new { code, name = "Transporte rural" })).JsonAsync(HttpStatusCode.Created);
        var again = await (await admin.PostJsonAsync("/api/needs/categories", new { code, name = "Otro nombre" })).JsonAsync(HttpStatusCode.Conflict);
        var listed = await (await admin.GetAsync("/api/needs/categories")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(code, created.GetProperty("code").GetString());
        Assert.False(created.GetProperty("shipped").GetBoolean());
        Assert.Contains(code, again.GetProperty("detail").GetString());
        Assert.Contains(listed.EnumerateArray(), c => c.GetProperty("code").GetString() == code && c.GetProperty("name").GetString() == "Transporte rural");
    }

    [Fact]
    public async Task A_focal_point_or_analyst_cannot_add_a_category()
    {
        using var focal = host.Client(host.FocalPoint("pilar"));
        using var analyst = host.Client(host.Analyst());

        await (await focal.PostJsonAsync("/api/needs/categories", new { code = "deporte", name = "Deporte" })).JsonAsync(HttpStatusCode.Forbidden);
        await (await analyst.PostJsonAsync("/api/needs/categories", new { code = "deporte", name = "Deporte" })).JsonAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("Transporte Rural")]
    [InlineData("transporte-rural")]
    [InlineData("_transporte")]
    [InlineData("transporte__rural")]
    [InlineData("")]
    public async Task A_code_that_is_not_lower_snake_case_and_a_missing_name_are_both_400(string code)
    {
        using var admin = host.Client(host.Admin());

        var problem = await (await admin.PostJsonAsync("/api/needs/categories", new { code, name = " " })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["code", "name"], problem.ErrorFields());
    }

    [Fact]
    public async Task Seeding_again_inserts_only_the_missing_categories_and_changes_nothing_else()
    {
        await host.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<NeedsDbContext>();
            await db.Categories.Where(c => c.Code == "housing").ExecuteDeleteAsync();
            return await db.Categories.Where(c => c.Code == "education").ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "Educación (editada)"));
        });

        await host.Services.SeedCategoriesAsync();

        var names = await host.InScopeAsync(services =>
            services.GetRequiredService<NeedsDbContext>().Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name));
        Assert.Equal("Vivienda", names["housing"]);
        Assert.Equal("Educación (editada)", names["education"]);
        await host.InScopeAsync(async services =>
            await services.GetRequiredService<NeedsDbContext>().Categories.Where(c => c.Code == "education")
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "Educación")));
    }

    [Fact]
    public async Task Without_a_token_it_is_401()
    {
        using var anonymous = host.Client(null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/needs/categories")).StatusCode);
    }
}
