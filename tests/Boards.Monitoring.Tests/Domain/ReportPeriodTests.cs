namespace Boards.Monitoring.Tests.Domain;

public sealed class ReportPeriodTests
{
    [Theory]
    [InlineData("2026", "2026", "2026-01-01", "2026-12-31", 12)]
    [InlineData("2026-Q1", "2026-Q1", "2026-01-01", "2026-03-31", 3)]
    [InlineData(" 2026-q4 ", "2026-Q4", "2026-10-01", "2026-12-31", 3)]
    [InlineData("2026-T2", "2026-Q2", "2026-04-01", "2026-06-30", 3)]
    [InlineData("2024-02", "2024-02", "2024-02-01", "2024-02-29", 1)]
    public void A_year_a_quarter_or_a_month_is_a_run_of_whole_months(string text, string code, string first, string last, int months)
    {
        var period = ReportPeriod.Parse(text)!;

        Assert.Equal((code, DateOnly.Parse(first), DateOnly.Parse(last), months),
            (period.Code, period.FirstMonth, period.LastDay, period.Months.Count));
        Assert.Equal(period.LastDay.AddDays(1), period.EndsBefore);
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026-Q0")]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-1")]
    [InlineData("1999")]
    [InlineData("2101")]
    [InlineData("26")]
    [InlineData("2026-S1")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_no_period(string? text) => Assert.Null(ReportPeriod.Parse(text));

    [Fact]
    public void Without_a_period_the_trend_is_the_twelve_months_ending_in_this_one()
    {
        var months = ReportPeriod.TwelveMonthsEndingIn(new DateOnly(2026, 3, 17));

        Assert.Equal((new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 1), 12), (months[0], months[^1], months.Count));
    }

    [Fact]
    public void A_referral_counts_in_its_month_in_paraguay_not_in_utc()
    {
        var lastHalfHourOfMarch = ParaguayCalendar.StartOf(new DateOnly(2026, 4, 1)).AddMinutes(-30);

        Assert.Equal(4, lastHalfHourOfMarch.UtcDateTime.Month);
        Assert.Equal(new DateOnly(2026, 3, 1), ParaguayCalendar.MonthOf(lastHalfHourOfMarch));
    }
}
