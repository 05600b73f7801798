using Boards.Monitoring.Data;
using Boards.Monitoring.Domain.EarlyWarnings;
using Boards.Testing;
using Google.Rpc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proto = Boards.Monitoring.Contracts.Grpc;

namespace Boards.Monitoring.Tests.Integration.Limits;

/// <summary>
/// Every text field of a Monitoring request has a declared maximum (MonitoringLimits): the acknowledgement note over it
/// is 400 naming it and the warning stays as it was, exactly the maximum is kept whole, the OpenAPI document shows it,
/// and gRPC codes and filters over theirs are InvalidArgument naming the proto field.
/// </summary>
public sealed class FreeTextLimitTests(TokenMonitoringHost host) : IClassFixture<TokenMonitoringHost>
{
    private static string Text(int length) => new('ñ', length);

    [Fact]
    public async Task Every_text_field_and_list_of_a_rest_body_declares_its_maximum_in_the_openapi_document()
    {
        using var client = host.Client(null);
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var undeclared = OpenApiLimits.Undeclared(document.RootElement);

        Assert.True(undeclared.Count == 0, string.Join("\n", undeclared));
    }

    [Theory]
    [InlineData(2001)]
    [InlineData(200_000)]
    public async Task An_acknowledgement_note_over_its_maximum_is_refused_naming_it_and_the_warning_stays_active(int length)
    {
        var id = await NewWarningAsync();
        using var analyst = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAnalyst));

        var problem = await (await analyst.PostJsonAsync($"/api/monitoring/warnings/{id}/acknowledge", new { note = Text(length) }))
            .JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["note"], problem.ErrorFields());
        Assert.Null(await InDbAsync(db => db.EarlyWarnings.Where(w => w.Id == id).Select(w => w.AcknowledgementNote).SingleAsync()));
    }

    [Fact]
    public async Task An_acknowledgement_note_of_exactly_its_maximum_is_kept_whole()
    {
        var id = await NewWarningAsync();
        using var analyst = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAnalyst));

        var acknowledged = await (await analyst.PostJsonAsync($"/api/monitoring/warnings/{id}/acknowledge", new { note = Text(2000) }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal(Text(2000), acknowledged.Str("acknowledgementNote"));
    }

    [Theory]
    [InlineData(65)]
    [InlineData(6_400)]
    public async Task Over_grpc_codes_and_filters_over_their_maximum_are_invalid_argument_naming_the_field(int length)
    {
        var client = new Proto.MonitoringService.MonitoringServiceClient(host.Channel());
        var headers = new Metadata { { "authorization", $"Bearer {await host.TokenAsync(null, BoardsRoles.MinistryAnalyst)}" } };

        var calls = new (string Field, Func<Task> Call)[]
        {
            ("code", () => client.GetMunicipalityAsync(new Proto.GetMunicipalityRequest { Code = Text(length) }, headers).ResponseAsync),
            ("code", () => client.GetMunicipalityTrendsAsync(new Proto.GetMunicipalityTrendsRequest { Code = Text(length) }, headers).ResponseAsync),
            ("municipality", () => client.ListWarningsAsync(new Proto.ListWarningsRequest { Municipality = Text(length) }, headers).ResponseAsync),
            ("status", () => client.ListWarningsAsync(new Proto.ListWarningsRequest { Status = Text(length) }, headers).ResponseAsync),
        };
        foreach (var (field, call) in calls)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
            Assert.Equal(field, Assert.Single(refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        }
    }

    /// <summary>An active warning of its own municipality, as the sweep would raise it.</summary>
    private async Task<Guid> NewWarningAsync()
    {
        var warning = EarlyWarning.Raise($"limite-{Guid.NewGuid().ToString("N")[..10]}",
            new Finding(EarlyWarningRules.NoRecentSession, "Sin sesiones en 60 días.", new Dictionary<string, decimal> { ["days"] = 61 }),
            DateTimeOffset.UtcNow);
        await InDbAsync(db =>
        {
            db.EarlyWarnings.Add(warning);
            return db.SaveChangesAsync();
        });
        return warning.Id;
    }

    private async Task<T> InDbAsync<T>(Func<MonitoringDbContext, Task<T>> action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<MonitoringDbContext>());
    }
}
