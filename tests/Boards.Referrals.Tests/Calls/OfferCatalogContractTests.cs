using System.Diagnostics;
using Boards.Needs.Contracts.Calls;
using Boards.Needs.Contracts.Grpc;
using Boards.Referrals.Features.ServiceAvailability;
using Boards.Testing.Calls;

namespace Boards.Referrals.Tests.Calls;

/// <summary>
/// The contract of <see cref="IOfferCatalog"/> (docs/architecture.md, "Calls between modules"): Referrals' gRPC adapter
/// and Needs' in-process adapter, against the same needs service and for the same caller, give the same answers, the
/// same errors for bad input and for a caller without a token or a Boards role, and the same outcome when the catalog
/// cannot answer before the deadline.
/// </summary>
public sealed class OfferCatalogContractTests(OfferCatalogHost host) : IClassFixture<OfferCatalogHost>
{
    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(15);

    private static CheckAvailabilityRequest Ask(string municipality, string service) => new() { MunicipalityCode = municipality, ServiceCode = service };

    /// <summary>The same call through both adapters, as the caller with this token (none: anonymous).</summary>
    private async Task<(CallOutcome Grpc, CallOutcome InProcess)> BothAsync(string? token, Func<IOfferCatalog, Task<Availability>> call)
    {
        CallerRequest.Enter(await CallerRequest.AuthenticatedAsync(host.Services, token));
        var grpc = await CallOutcome.OfAsync(() => call(host.Grpc));
        var inProcess = await CallOutcome.OfAsync(() => call(host.InProcess));
        Assert.Equal(grpc, inProcess);
        return (grpc, inProcess);
    }

    private string Integrator => host.Token(null, BoardsRoles.Integrator);

    [Theory]
    [InlineData("tekopora-c", CapacityStatus.Available, WaitlistBand.Unspecified)]
    [InlineData("usf-c", CapacityStatus.Full, WaitlistBand.Unspecified)]
    [InlineData("pension-c", CapacityStatus.Waitlist, WaitlistBand.Over3Months)]
    public async Task An_offered_service_is_the_same_answer_with_its_capacity(string service, CapacityStatus status, WaitlistBand band)
    {
        var focalPoint = host.Token("pilar", BoardsRoles.FocalPoint);

        var (grpc, _) = await BothAsync(focalPoint, catalog => catalog.CheckAvailabilityAsync(Ask("pilar", service), Deadline, CancellationToken.None));

        var reply = Availability.Parser.ParseJson(grpc.Reply);
        Assert.Equal((true, status, band, "mds"), (reply.Offered, reply.CapacityStatus, reply.WaitlistBand, reply.InstitutionCode));
        Assert.Contains("Pilar", reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_service_or_municipality_is_the_same_not_offered_answer()
    {
        var (service, _) = await BothAsync(Integrator, catalog => catalog.CheckAvailabilityAsync(Ask("pilar", "no-existe"), Deadline, CancellationToken.None));
        var (municipality, _) = await BothAsync(Integrator, catalog => catalog.CheckAvailabilityAsync(Ask("no-existe", "tekopora-c"), Deadline, CancellationToken.None));

        Assert.Equal("El servicio 'no-existe' no se ofrece en Pilar.", Availability.Parser.ParseJson(service.Reply).Message);
        Assert.False(Availability.Parser.ParseJson(municipality.Reply).Offered);
    }

    [Fact]
    public async Task Missing_codes_are_the_same_invalid_argument_with_both_field_violations()
    {
        var (grpc, _) = await BothAsync(Integrator, catalog => catalog.CheckAvailabilityAsync(new CheckAvailabilityRequest(), Deadline, CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, grpc.Code);
        Assert.Contains("\"municipality_code\"", grpc.Details, StringComparison.Ordinal);
        Assert.Contains("\"service_code\"", grpc.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_over_its_proto_limit_or_with_a_nul_is_refused_the_same_way_before_the_handler()
    {
        var (tooLong, _) = await BothAsync(Integrator, catalog => catalog.CheckAvailabilityAsync(Ask("pilar", new string('x', 65)), Deadline, CancellationToken.None));
        var (nul, _) = await BothAsync(Integrator, catalog => catalog.CheckAvailabilityAsync(Ask("pil\0ar", "x"), Deadline, CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, tooLong.Code);
        Assert.Contains("64", tooLong.Details, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, nul.Code);
        Assert.StartsWith("municipality_code:", nul.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_token_is_the_same_unauthenticated_and_no_boards_role_the_same_permission_denied()
    {
        var (anonymous, _) = await BothAsync(null, catalog => catalog.CheckAvailabilityAsync(Ask("pilar", "tekopora-c"), Deadline, CancellationToken.None));
        var (roleless, _) = await BothAsync(host.Token("pilar"), catalog => catalog.CheckAvailabilityAsync(Ask("pilar", "tekopora-c"), Deadline, CancellationToken.None));

        Assert.Equal(StatusCode.Unauthenticated, anonymous.Code);
        Assert.Equal(StatusCode.PermissionDenied, roleless.Code);
    }

    [Fact]
    public async Task A_call_cancelled_by_the_caller_is_the_same_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var (grpc, _) = await BothAsync(Integrator, catalog => catalog.CheckAvailabilityAsync(Ask("pilar", "tekopora-c"), Deadline, cancelled.Token));

        Assert.Equal(StatusCode.Cancelled, grpc.Code);
    }

    [Fact]
    public async Task A_catalog_that_cannot_answer_by_the_deadline_is_the_same_deadline_exceeded_and_referrals_goes_on_not_verified()
    {
        CallerRequest.Enter(await CallerRequest.AuthenticatedAsync(host.Services, Integrator));
        await using var locked = await TableLock.TakeAsync(host.DatabaseName, "municipalities", "offered_services");

        var watch = Stopwatch.StartNew();
        var grpc = await CallOutcome.OfAsync(() => host.Grpc.CheckAvailabilityAsync(Ask("pilar", "tekopora-c"), DateTime.UtcNow.AddSeconds(0.5), CancellationToken.None));
        var inProcess = await CallOutcome.OfAsync(() => host.InProcess.CheckAvailabilityAsync(Ask("pilar", "tekopora-c"), DateTime.UtcNow.AddSeconds(0.5), CancellationToken.None));
        var overGrpc = await host.Availability(host.Grpc, 0.5).CheckAsync("pilar", "tekopora-c", CancellationToken.None);
        var inProcessAnswer = await host.Availability(host.InProcess, 0.5).CheckAsync("pilar", "tekopora-c", CancellationToken.None);
        watch.Stop();

        Assert.Equal(grpc, inProcess);
        Assert.Equal(StatusCode.DeadlineExceeded, grpc.Code);
        Assert.Equal(overGrpc, inProcessAnswer);
        Assert.Equal((false, OfferCatalogAvailability.TimedOut), (overGrpc.Verified, overGrpc.Message));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8), $"four calls with 0.5 s deadlines took {watch.Elapsed}");
    }
}
