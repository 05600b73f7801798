using Boards.BuildingBlocks.Messaging;
using Boards.BuildingBlocks.Modules;
using Boards.BuildingBlocks.Outbox;
using Boards.BuildingBlocks.Tests.Data;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Boards.BuildingBlocks.Tests.Modules;

/// <summary>
/// Several modules in one host (docs/architecture.md, "Two shapes"): the shared parts are set up once, each module keeps
/// its own relay signal and its own parking, and the bus starts before any relay.
/// </summary>
public sealed class ModuleCompositionTests
{
    [Fact]
    public void A_failure_is_parked_in_the_module_whose_queue_it_came_from()
    {
        var parking = new ParkingByModule(
            [new ParkingRoute("referrals", typeof(object)), new ParkingRoute("monitoring", typeof(object)), new ParkingRoute("needs", typeof(object))],
            new ServiceCollection().BuildServiceProvider());

        Assert.Equal("monitoring", parking.ModuleOf("monitoring-referrals"));
        Assert.Equal("referrals", parking.ModuleOf("referrals-municipalities"));
        Assert.Equal("referrals", parking.ModuleOf("referrals-watch-host-1a2b"));
        Assert.Equal("needs", parking.ModuleOf("needs-municipalities"));
        // Neither a module's name without its dash nor another prefix.
        Assert.Null(parking.ModuleOf("needsy-events"));
        Assert.Null(parking.ModuleOf("planning-events"));
    }

    [Fact]
    public void A_service_of_one_module_parks_every_queue_in_its_own_database()
    {
        var parking = new ParkingByModule([new ParkingRoute("things", typeof(object))], new ServiceCollection().BuildServiceProvider());

        Assert.Equal("things", parking.ModuleOf("a-test-queue-of-any-name"));
    }

    [Fact]
    public async Task Each_modules_commits_wake_its_own_relay_only()
    {
        var signals = new OutboxSignals();
        signals.For<TestDbContext>().Notify();

        Assert.False(await signals.For<OtherDbContext>().WaitAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None));
        Assert.True(await signals.For<TestDbContext>().WaitAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None));
        Assert.Same(signals.For<TestDbContext>(), signals.For<TestDbContext>());
    }

    [Fact]
    public void Two_modules_in_one_host_share_one_bus_with_both_modules_consumers_and_it_starts_before_their_relays()
    {
        var builder = WebApplication.CreateBuilder();
        builder.ComposeModules();
        builder.AddBoardsMessaging<TestDbContext>("things", bus => bus.AddConsumer<ThingHappenedConsumer>().Endpoint(e => e.Name = "things-events"));
        builder.AddBoardsMessaging<OtherDbContext>("others", bus => bus.AddConsumer<BatchedThingConsumer>().Endpoint(e => e.Name = "others-events"));
        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(IBusControl));

        builder.AddComposedBus();

        var hosted = builder.Services.Where(d => d.ServiceType == typeof(IHostedService)).ToList();
        var bus = hosted.FindIndex(d => d.ImplementationType?.Assembly == typeof(Bus).Assembly);
        var firstRelay = hosted.FindIndex(d => d.ImplementationType is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(OutboxRelay<>));
        var gate = hosted.FindIndex(d => d.ImplementationType == typeof(BusReadyGate));
        Assert.True(bus >= 0 && bus < gate && gate < firstRelay, $"bus at {bus}, gate at {gate}, first relay at {firstRelay}");
        Assert.Equal(2, hosted.Count(d => d.ImplementationType is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(OutboxRelay<>)));
        Assert.Single(builder.Services, d => d.ServiceType == typeof(IBusControl));
        Assert.Single(builder.Services, d => d.ServiceType == typeof(BusStartedHealthCheck));
        Assert.Single(builder.Services, d => d.ServiceType == typeof(IParkedMessages));
        Assert.Equal(2, builder.Services.Count(d => d.ServiceType == typeof(ParkingRoute)));
    }

    private sealed class OtherDbContext(DbContextOptions<OtherDbContext> options) : DbContext(options);
}
