using Boards.Monitoring.Consumers;
using Boards.Monitoring.Tests.Integration;

namespace Boards.Monitoring.Tests.Consumers;

public sealed class GapAnalysisMappingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 30, 0, TimeSpan.FromHours(-3));

    [Fact]
    public void Codes_and_triggers_are_normalized_times_are_utc_and_every_category_is_kept()
    {
        var message = GapEvents.Analysis(" Hohenau ", T0, GapEvents.Category("health", "Salud", 0), GapEvents.Category("education", "Educación", 8))
            with { Trigger = " On_Demand ", Period = " " };

        var reading = GapAnalysisMapping.ToReading(message);

        Assert.Equal("hohenau", reading.Code);
        Assert.Equal("on_demand", reading.Trigger);
        Assert.Null(reading.Period);
        Assert.Equal(TimeSpan.Zero, reading.ComputedAt.Offset);
        Assert.Equal(T0, reading.ComputedAt);
        Assert.Equal(["health", "education"], reading.Categories.Select(c => c.Category));
        Assert.Equal(2, reading.Categories[1].ServicesOffered);
    }

    [Fact]
    public void An_analysis_without_a_municipality_is_refused()
    {
        var message = GapEvents.Analysis("  ", T0);

        Assert.Throws<InvalidOperationException>(() => GapAnalysisMapping.ToReading(message));
    }
}
