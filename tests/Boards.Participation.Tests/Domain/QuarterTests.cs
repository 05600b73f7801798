using Boards.Participation.Domain;

namespace Boards.Participation.Tests.Domain;

public sealed class QuarterTests
{
    [Theory]
    [InlineData(2026, 1, 1, "2026-Q1")]
    [InlineData(2026, 3, 31, "2026-Q1")]
    [InlineData(2026, 4, 1, "2026-Q2")]
    [InlineData(2026, 12, 31, "2026-Q4")]
    public void A_day_falls_in_its_quarter(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, Quarter.Of(new DateOnly(year, month, day)).ToString());
    }

    [Fact]
    public void The_quarter_before_the_first_is_the_last_of_the_previous_year()
    {
        Assert.Equal(new Quarter(2025, 4), new Quarter(2026, 1).Previous);
        Assert.Equal(new Quarter(2026, 2), new Quarter(2026, 3).Previous);
    }

    [Theory]
    [InlineData("2026-Q4", 2026, 4)]
    [InlineData(" 2026-q1 ", 2026, 1)]
    public void A_quarter_is_read_back(string text, int year, int number)
    {
        Assert.Equal(new Quarter(year, number), Quarter.Parse(text));
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026Q4")]
    [InlineData("26-Q4")]
    [InlineData(null)]
    public void Other_text_is_not_a_quarter(string? text)
    {
        Assert.Null(Quarter.Parse(text));
    }

    [Fact]
    public void The_day_is_paraguays_three_hours_behind_utc()
    {
        // 1 January 02:00 UTC is still 31 December in Asunción: the previous year's last quarter.
        Assert.Equal("2026-Q4", PulseCalendar.QuarterOf(new DateTimeOffset(2027, 1, 1, 2, 0, 0, TimeSpan.Zero)).ToString());
    }
}
