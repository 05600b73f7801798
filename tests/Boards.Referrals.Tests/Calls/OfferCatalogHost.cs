extern alias needs;

using Boards.Needs.Contracts.Calls;
using Boards.Referrals.Features.ServiceAvailability;
using Boards.Testing.Calls;
using Microsoft.AspNetCore.Mvc.Testing;
using needs::Boards.Needs.Api.InProcess;
using NeedsProgram = needs::Program;

namespace Boards.Referrals.Tests.Calls;

/// <summary>
/// The REAL needs service hosted in-process on Kestrel's HTTP/2 (<see cref="ServiceTestHost{TProgram}"/>: real PostgreSQL
/// and RabbitMQ, real tokens) with an offer in Pilar, and both adapters of <see cref="IOfferCatalog"/>: Referrals' gRPC client as
/// AddServiceAvailability registers it, sending to that service, and the in-process adapter Needs registered for itself.
/// </summary>
public sealed class OfferCatalogHost() : ServiceTestHost<NeedsProgram>("needs", "needsdb", "Needs:ReceiveEndpoint", "needs-municipalities"), IAsyncLifetime
{
    public const string Municipality = "pilar";

    private ServiceProvider? _referrals;

    /// <summary>The needs service's HTTP/2 endpoint (Kestrel).</summary>
    public string Address { get; private set; } = "";

    /// <summary>Referrals' gRPC adapter, through the needs service's HTTP/2 endpoint.</summary>
    public IOfferCatalog Grpc { get; private set; } = null!;

    /// <summary>Needs' in-process adapter, from the needs service's own container.</summary>
    public IOfferCatalog InProcess { get; private set; } = null!;

    /// <summary>Referrals' catalog check (cache, "not verified") over either adapter, with this deadline.</summary>
    public IServiceAvailability Availability(IOfferCatalog catalog, double timeoutSeconds) =>
        new OfferCatalogAvailability(catalog,
            new AvailabilityCache(Microsoft.Extensions.Options.Options.Create(new NeedsOptions { AvailabilityCacheSeconds = 0 }), TimeProvider.System),
            Microsoft.Extensions.Options.Options.Create(new NeedsOptions { Address = Address, TimeoutSeconds = timeoutSeconds }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<OfferCatalogAvailability>.Instance);

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _referrals = CallerModule.Build(
            new Dictionary<string, string?> { ["Referrals:Needs:Address"] = Address }, services => services.AddServiceAvailability());
        Grpc = _referrals.GetRequiredService<IOfferCatalog>();
        InProcess = Services.GetRequiredService<IOfferCatalog>();
        if (Grpc is not GrpcOfferCatalog || InProcess is not InProcessOfferCatalog)
        {
            throw new InvalidOperationException($"Adapters: {Grpc.GetType().Name} and {InProcess.GetType().Name}.");
        }

        using var admin = Http2Server.Client(Address, Token(null, BoardsRoles.MinistryAdmin));
        await AddServiceAsync(admin, "tekopora-c", "Tekoporã", "available", null);
        await AddServiceAsync(admin, "usf-c", "USF Centro", "full", null);
        await AddServiceAsync(admin, "pension-c", "Pensión Alimentaria", "waitlist", "over_3_months");
    }

    protected override void Start(WebApplicationFactory<NeedsProgram> factory) => Address = Http2Server.Start(factory);

    public new async Task DisposeAsync()
    {
        if (_referrals is not null)
        {
            await _referrals.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    private static async Task AddServiceAsync(HttpClient admin, string code, string name, string capacity, string? band) =>
        await (await admin.PostJsonAsync($"/api/offer/{Municipality}/services", new Dictionary<string, object?>
        {
            ["code"] = code,
            ["name"] = name,
            ["program"] = name,
            ["institutionCode"] = "mds",
            ["categories"] = new[] { "food_security" },
            ["eligibilitySummary"] = "Hogares en pobreza extrema.",
            ["channel"] = "office",
            ["monthlyCapacity"] = 40,
            ["capacityStatus"] = capacity,
            ["waitlistBand"] = band,
        })).JsonAsync(HttpStatusCode.Created);
}
