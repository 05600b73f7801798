namespace Boards.Monitoring.Tests.Domain;

public sealed class ServiceDayReportTests
{
    private static readonly Guid DayId = Guid.CreateVersion7();

    private static ServiceDayReading Report(int version, int peopleServed, string code = "coronel-oviedo") =>
        new(DayId, code, new DateOnly(2026, 10, 3), peopleServed, 2, version, new DateTimeOffset(2026, 10, 3, 18, 0, 0, TimeSpan.Zero).AddHours(version));

    [Fact]
    public void Only_a_higher_report_version_replaces_the_day()
    {
        var day = ServiceDayReport.From(Report(2, 30));

        Assert.False(day.Apply(Report(1, 25)));
        Assert.False(day.Apply(Report(2, 99)));
        Assert.Equal(30, day.PeopleServed);

        Assert.True(day.Apply(Report(3, 31, "yhu")));
        Assert.Equal((31, 3, "yhu"), (day.PeopleServed, day.ReportVersion, day.Code));
    }

    [Fact]
    public void A_report_of_another_day_is_refused()
    {
        var day = ServiceDayReport.From(Report(1, 30));

        Assert.Throws<ArgumentException>(() => day.Apply(Report(2, 30) with { ServiceDayId = Guid.CreateVersion7() }));
    }

    [Fact]
    public void The_recent_window_is_the_90_days_ending_today()
    {
        Assert.Equal(new DateOnly(2026, 8, 30), RecentWindow.Since(new DateOnly(2026, 11, 27)));
        Assert.Equal(90, new DateOnly(2026, 11, 27).DayNumber - RecentWindow.Since(new DateOnly(2026, 11, 27)).DayNumber + 1);
    }
}
