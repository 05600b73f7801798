using Boards.Testing;
namespace Boards.Monitoring.Tests.Integration.NationalTable;

/// <summary>
/// Bad filters get a Spanish 400 naming the parameter, never a 500; every text parameter's maximum is the same in the
/// check and in the OpenAPI document (MonitoringLimits).
/// </summary>
public sealed class NationalTableInputTests(TokenMonitoringHost host) : IClassFixture<TokenMonitoringHost>
{
    [Theory]
    [InlineData("national?period=2026-Q5", "period", "Período desconocido")]
    [InlineData("national?period=2026-13", "period", "Período desconocido")]
    [InlineData("national?period=1999", "period", "Período desconocido")]
    [InlineData("national?period=ayer", "period", "Período desconocido")]
    [InlineData("national?period=2026-Q12", "period", "como máximo 7")]
    [InlineData("national?department=18", "department", "Departamento desconocido")]
    [InlineData("national?department=-1", "department", "Departamento desconocido")]
    [InlineData("national?department=100", "department", "como máximo 2")]
    [InlineData("national?cohort=piloto-2021", "cohort", "Cohorte desconocida")]
    [InlineData("national?cohort=expansion-2025-expansion-2025-xxxxx", "cohort", "como máximo 32")]
    [InlineData("national/export.xlsx?period=2026-Q0", "period", "Período desconocido")]
    [InlineData("national/export.csv?department=x", "department", "Departamento desconocido")]
    [InlineData("national/monthly-report?department=7&month=2026-Q1", "month", "El informe es mensual")]
    [InlineData("national/monthly-report?department=7&month=2026-13", "month", "El informe es mensual")]
    [InlineData("national/monthly-report?month=2026-03", "department", "Indique el número del departamento")]
    [InlineData("national/monthly-report?department=7", "month", "Indique el mes")]
    [InlineData("national/monthly-report?department=20&month=2026-03", "department", "Departamento desconocido")]
    public async Task A_bad_filter_is_a_spanish_400_naming_it(string path, string field, string message)
    {
        using var analyst = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAdmin));

        var problem = await (await analyst.GetAsync($"/api/monitoring/{path}")).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal("La solicitud tiene datos inválidos.", problem.Str("title"));
        Assert.Equal([field], problem.ErrorFields());
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_without_the_national_table_is_refused_before_its_filters_are_read()
    {
        using var officer = host.Client(await host.OfficerTokenAsync("mspbs", "pilar"));

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/monitoring/national?period=2026-Q5")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_shows_each_filters_maximum()
    {
        using var client = host.Client(null);
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        var expected = new Dictionary<string, (string, int)[]>
        {
            ["/api/monitoring/national"] = [("period", 7), ("department", 2), ("cohort", 32)],
            ["/api/monitoring/national/export.csv"] = [("period", 7), ("department", 2), ("cohort", 32)],
            ["/api/monitoring/national/export.xlsx"] = [("period", 7), ("department", 2), ("cohort", 32)],
            ["/api/monitoring/national/monthly-report"] = [("department", 2), ("month", 7)],
        };
        foreach (var (path, parameters) in expected)
        {
            var declared = paths.GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
                .Select(p => (p.Str("name"), p.GetProperty("schema").GetProperty("maxLength").GetInt32()));
            Assert.Equal(parameters, declared);
        }

        Assert.Equal((MonitoringLimits.Period, MonitoringLimits.Department, MonitoringLimits.Cohort), (7, 2, 32));
    }
}
