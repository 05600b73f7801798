using Boards.Referrals.Features.ServiceAvailability;
using Microsoft.Extensions.Options;

namespace Boards.Referrals.Tests.Features.ServiceAvailability;

/// <summary>Which answers the catalog cache keeps, for how long, and per what.</summary>
public sealed class AvailabilityCacheTests
{
    private static readonly AvailabilityAnswer Available =
        new() { Verified = true, Offered = true, CapacityStatus = "available", ServiceName = "USF Centro", Message = "Hay cupo." };

    private readonly MovableClock _clock = new();

    private AvailabilityCache Cache(double seconds = 60) =>
        new(Options.Create(new NeedsOptions { AvailabilityCacheSeconds = seconds }), _clock);

    [Fact]
    public void An_offered_answer_is_kept_for_its_municipality_and_service_until_the_minute_is_over()
    {
        var cache = Cache();
        cache.Remember("pilar", "usf-centro", Available);

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.True(cache.TryGet("pilar", "usf-centro", out var kept));
        Assert.Same(Available, kept);
        Assert.False(cache.TryGet("pilar", "tekopora", out _));
        Assert.False(cache.TryGet("alto-vera", "usf-centro", out _));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet("pilar", "usf-centro", out _));
    }

    [Fact]
    public void A_not_offered_answer_and_an_answer_that_could_not_be_obtained_are_never_kept()
    {
        var cache = Cache();
        cache.Remember("pilar", "no-ofrecido", new AvailabilityAnswer { Verified = true, Offered = false, Message = "No se ofrece." });
        cache.Remember("pilar", "usf-centro", AvailabilityAnswer.NotVerified(OfferCatalogAvailability.Unreachable));

        Assert.False(cache.TryGet("pilar", "no-ofrecido", out _));
        Assert.False(cache.TryGet("pilar", "usf-centro", out _));
    }

    [Fact]
    public void With_no_lifetime_nothing_is_kept()
    {
        var cache = Cache(seconds: 0);
        cache.Remember("pilar", "usf-centro", Available);

        Assert.False(cache.TryGet("pilar", "usf-centro", out _));
    }

    [Fact]
    public void A_newer_answer_replaces_the_older_one_and_starts_a_new_minute()
    {
        var cache = Cache();
        cache.Remember("pilar", "usf-centro", Available);
        _clock.Advance(TimeSpan.FromSeconds(50));
        var full = Available with { CapacityStatus = "full", Message = "Sin cupo." };
        cache.Remember("pilar", "usf-centro", full);

        _clock.Advance(TimeSpan.FromSeconds(50));
        Assert.True(cache.TryGet("pilar", "usf-centro", out var kept));
        Assert.Same(full, kept);
    }

    private sealed class MovableClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
