using Google.Rpc;
using Grpc.Core;
using Proto = Boards.Needs.Contracts.Grpc;

namespace Boards.Needs.Tests.Integration;

/// <summary>boards.needs.v1.OfferCatalog through a real gRPC client and real tokens against the hosted service.</summary>
public sealed class GrpcTests(NeedsHost host) : IClassFixture<NeedsHost>, IAsyncLifetime
{
    private string _municipality = "";

    public async Task InitializeAsync()
    {
        _municipality = await host.NewMunicipalityAsync("Villa de Prueba");
        using var admin = host.Client(host.Admin());
        var path = $"/api/offer/{_municipality}/services";
        await (await admin.PostJsonAsync(path, Http.Service("tekopora"))).JsonAsync(HttpStatusCode.Created);
        await (await admin.PostJsonAsync(path, Http.Service("usf", "full"))).JsonAsync(HttpStatusCode.Created);
        var waitlist = Http.Service("pension-adultos-mayores", "waitlist", "over_3_months");
        waitlist["name"] = "Pensión Alimentaria para Adultos Mayores";
        waitlist["categories"] = new[] { "social_security" };
        await (await admin.PostJsonAsync(path, waitlist)).JsonAsync(HttpStatusCode.Created);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Proto.OfferCatalog.OfferCatalogClient Client(out IDisposable channel)
    {
        var grpc = host.Channel();
        channel = grpc;
        return new Proto.OfferCatalog.OfferCatalogClient(grpc);
    }

    private static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    private async Task<Proto.Availability> CheckAsync(string municipality, string service, string token)
    {
        var client = Client(out var channel);
        using (channel)
        {
            return await client.CheckAvailabilityAsync(
                new Proto.CheckAvailabilityRequest { MunicipalityCode = municipality, ServiceCode = service }, Bearer(token));
        }
    }

    [Fact]
    public async Task Check_availability_answers_offered_with_the_capacity_status()
    {
        var available = await CheckAsync(_municipality, "tekopora", host.Integrator());
        var full = await CheckAsync(_municipality, "usf", host.Integrator());
        var waitlist = await CheckAsync(_municipality, "pension-adultos-mayores", host.FocalPoint("pilar"));

        Assert.True(available.Offered);
        Assert.Equal(Proto.CapacityStatus.Available, available.CapacityStatus);
        Assert.Equal(Proto.WaitlistBand.Unspecified, available.WaitlistBand);
        Assert.Equal(("Tekoporã", "mds"), (available.ServiceName, available.InstitutionCode));
        Assert.Equal("'Tekoporã' tiene cupo disponible en Villa de Prueba.", available.Message);
        Assert.True(full.Offered);
        Assert.Equal(Proto.CapacityStatus.Full, full.CapacityStatus);
        Assert.True(waitlist.Offered);
        Assert.Equal(Proto.CapacityStatus.Waitlist, waitlist.CapacityStatus);
        Assert.Equal(Proto.WaitlistBand.Over3Months, waitlist.WaitlistBand);
        Assert.Contains("más de 3 meses", waitlist.Message);
    }

    [Fact]
    public async Task Check_availability_of_an_unknown_service_or_municipality_is_not_offered_rather_than_an_error()
    {
        var unknownService = await CheckAsync("pilar", "no-existe", host.Integrator());
        var unknownMunicipality = await CheckAsync("no-existe", "tekopora", host.Integrator());

        Assert.False(unknownService.Offered);
        Assert.Equal(Proto.CapacityStatus.Unspecified, unknownService.CapacityStatus);
        Assert.Equal("El servicio 'no-existe' no se ofrece en Pilar.", unknownService.Message);
        Assert.False(unknownMunicipality.Offered);
        Assert.Contains("no-existe", unknownMunicipality.Message);
    }

    [Fact]
    public async Task Check_availability_without_codes_is_invalid_argument_with_both_field_violations()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => CheckAsync("", " ", host.Integrator()));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(
            ["municipality_code", "service_code"],
            error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task List_and_get_are_scoped_like_rest()
    {
        var client = Client(out var channel);
        using (channel)
        {
            var listed = await client.ListServicesAsync(new Proto.ListServicesRequest { MunicipalityCode = _municipality }, Bearer(host.Integrator()));
            var social = await client.ListServicesAsync(
                new Proto.ListServicesRequest { MunicipalityCode = _municipality, Category = "social_security" }, Bearer(host.FocalPoint(_municipality)));
            var one = await client.GetServiceAsync(
                new Proto.GetServiceRequest { MunicipalityCode = _municipality, ServiceCode = "tekopora" }, Bearer(host.Analyst()));
            var denied = await Assert.ThrowsAsync<RpcException>(async () => await client.ListServicesAsync(
                new Proto.ListServicesRequest { MunicipalityCode = _municipality }, Bearer(host.FocalPoint("pilar"))));
            var missing = await Assert.ThrowsAsync<RpcException>(async () => await client.GetServiceAsync(
                new Proto.GetServiceRequest { MunicipalityCode = _municipality, ServiceCode = "no-existe" }, Bearer(host.Analyst())));

            Assert.Equal(["pension-adultos-mayores", "tekopora", "usf"], listed.Services.Select(s => s.Code).ToArray());
            Assert.Equal("pension-adultos-mayores", Assert.Single(social.Services).Code);
            Assert.Equal(Proto.ServiceChannel.HomeVisit, one.Channel);
            Assert.Equal(40, one.MonthlyCapacity);
            Assert.Equal(["food_security", "education"], one.Categories.ToArray());
            Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
            Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        }
    }

    [Fact]
    public async Task Without_a_token_it_is_unauthenticated()
    {
        var client = Client(out var channel);
        using (channel)
        {
            var error = await Assert.ThrowsAsync<RpcException>(async () => await client.CheckAvailabilityAsync(
                new Proto.CheckAvailabilityRequest { MunicipalityCode = "pilar", ServiceCode = "x" }, deadline: DateTime.UtcNow.AddSeconds(10)));

            Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        }
    }
}
