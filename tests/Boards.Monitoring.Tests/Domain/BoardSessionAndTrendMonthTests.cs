namespace Boards.Monitoring.Tests.Domain;

public sealed class BoardSessionAndTrendMonthTests
{
    private static readonly Guid SessionId = Guid.CreateVersion7();
    private static readonly DateTimeOffset At = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static SessionReading Reading(DateOnly date, long version) => new(SessionId, "caacupe", date, version, At);

    [Fact]
    public void A_session_is_replaced_only_by_a_higher_version_even_when_that_moves_it_back()
    {
        var session = BoardSession.From(Reading(new DateOnly(2026, 11, 10), 1));

        Assert.False(session.Apply(Reading(new DateOnly(2026, 11, 20), 1)));
        Assert.Equal(new DateOnly(2026, 11, 10), session.Date);
        Assert.True(session.Apply(Reading(new DateOnly(2026, 10, 1), 2)));
        Assert.Equal((new DateOnly(2026, 10, 1), 2L), (session.Date, session.SessionVersion));
        Assert.False(session.Apply(Reading(new DateOnly(2026, 11, 10), 1)));
        Assert.Equal(new DateOnly(2026, 10, 1), session.Date);
    }

    [Fact]
    public void Today_is_the_date_in_Paraguay()
    {
        // 02:30 UTC on 1 December is still 30 November in Asunción (UTC−3).
        Assert.Equal(new DateOnly(2026, 11, 30), ParaguayCalendar.Today(new DateTimeOffset(2026, 12, 1, 2, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero), ParaguayCalendar.StartOf(new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void The_trend_has_twelve_months_ending_with_the_current_one_bounded_at_midnight_in_Paraguay()
    {
        var months = TrendMonth.EndingIn(new DateOnly(2026, 11, 27));

        Assert.Equal(12, months.Count);
        Assert.Equal("2025-12", months[0].Label);
        Assert.Equal("2026-11", months[^1].Label);
        Assert.Equal(new DateTimeOffset(2025, 12, 1, 3, 0, 0, TimeSpan.Zero), months[0].StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero), months[^1].EndsAt);
        Assert.All(months.Zip(months.Skip(1)), pair => Assert.Equal(pair.First.EndsAt, pair.Second.StartsAt));
    }

    [Fact]
    public void A_month_rate_is_the_summary_rate_and_null_when_nothing_is_left_to_close()
    {
        Assert.Equal(1.0, new MonthTrend("2026-01", 2, 1, 1).ClosedLoopRate);
        Assert.Equal(0.33, new MonthTrend("2026-06", 3, 1, 0).ClosedLoopRate);
        Assert.Null(new MonthTrend("2026-07", 0, 0, 0).ClosedLoopRate);
        Assert.Null(new MonthTrend("2026-08", 1, 0, 1).ClosedLoopRate);
    }
}
