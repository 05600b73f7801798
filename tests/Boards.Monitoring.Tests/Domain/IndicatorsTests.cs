namespace Boards.Monitoring.Tests.Domain;

public sealed class IndicatorsTests
{
    private static ReferralCounts Counts(int sent, int completed, int failed, int cancelled) =>
        new(sent, 0, 0, 0, completed, failed, cancelled, 0);

    [Theory]
    [InlineData(6, 1, 1, 1, 0.4)]     // (1 + 1) / (6 - 1)
    [InlineData(10, 2, 1, 1, 0.33)]   // 3 / 9 = 0.333…
    [InlineData(3, 2, 0, 0, 0.67)]    // 2 / 3 = 0.666…
    [InlineData(4, 3, 1, 0, 1.0)]
    [InlineData(5, 0, 0, 2, 0.0)]
    public void Closed_loop_rate_is_completed_plus_failed_over_sent_minus_cancelled(int sent, int completed, int failed, int cancelled, double expected)
    {
        Assert.Equal(expected, Indicators.ClosedLoopRate(Counts(sent, completed, failed, cancelled)));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 3)]
    public void Closed_loop_rate_is_undefined_when_nothing_is_left_to_close(int sent, int cancelled)
    {
        Assert.Null(Indicators.ClosedLoopRate(Counts(sent, 0, 0, cancelled)));
    }

    [Theory]
    [InlineData(172_800, 2.0)]
    [InlineData(129_600, 1.5)]
    [InlineData(100_000, 1.16)]   // 1.1574… days
    [InlineData(10_800, 0.13)]    // 0.125 days: halves round away from zero
    [InlineData(0, 0.0)]
    public void Median_durations_are_reported_in_days_with_two_decimals(double seconds, double expectedDays)
    {
        Assert.Equal(expectedDays, Indicators.Days(seconds));
    }

    [Fact]
    public void A_median_over_no_referral_is_undefined()
    {
        Assert.Null(Indicators.Days(null));
    }

    [Fact]
    public void A_summary_rounds_once_and_falls_back_to_the_code_as_name()
    {
        var summary = MunicipalitySummary.Create(
            "nueva-localidad", null, null, null, Counts(3, 2, 0, 0), medianSecondsToAccept: 100_000, medianSecondsToCounterReferral: null);

        Assert.Equal("nueva-localidad", summary.Name);
        Assert.Equal("", summary.Department);
        Assert.Equal(0.67, summary.ClosedLoopRate);
        Assert.Equal(1.16, summary.MedianDaysToAccept);
        Assert.Null(summary.MedianDaysToCounterReferral);
    }

    [Fact]
    public void Display_order_is_department_number_then_spanish_name_with_unregistered_last()
    {
        MunicipalitySummary Of(string code, string? name, int? department) =>
            MunicipalitySummary.Create(code, name, name is null ? null : "d", department, ReferralCounts.None, null, null);

        var sorted = new List<MunicipalitySummary>
        {
            Of("sin-registro", null, null),
            Of("itanara", "Itanará", 14),
            Of("yrybucua", "Yrybucuá", 2),
            Of("benjamin-aceval", "Benjamín Aceval", 15),
            Of("azara", "Ázara", 15),
            Of("capiibary", "capiibary", 2),
        };
        sorted.Sort(MunicipalitySummary.DisplayOrder);

        Assert.Equal(["capiibary", "yrybucua", "itanara", "azara", "benjamin-aceval", "sin-registro"], sorted.Select(s => s.Code));
    }
}
