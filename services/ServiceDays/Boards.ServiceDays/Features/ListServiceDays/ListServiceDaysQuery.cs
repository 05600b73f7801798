namespace Boards.ServiceDays.Features.ListServiceDays;

/// <summary>Filters, as typed: a municipality code, a status code, and "YYYY-MM-DD" bounds (inclusive).</summary>
public sealed record ListServiceDaysQuery(string? Municipality, string? Status, string? From, string? To);

/// <summary>A day in a list: people served as reported (0 before the report).</summary>
public sealed record ServiceDaySummaryView(
    Guid Id, string MunicipalityCode, string Locality, DateOnly Date, string Venue, string Status, int ExpectedAttendance,
    IReadOnlyList<string> Institutions, int Version, int PeopleServed)
{
    public static ServiceDaySummaryView From(ServiceDay day) => new(
        day.Id, day.MunicipalityCode, day.Locality, day.Date, day.Venue, day.Status.Code(), day.ExpectedAttendance,
        day.Institutions, day.Version, day.ReportedPeopleServed);
}
