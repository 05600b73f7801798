namespace Boards.ServiceDays.Domain;

/// <summary>
/// The checked fields of a day to plan or edit (Features/Common/ServiceDayValidator): where, when, how many people, and
/// the catalog services it offers, each belonging to its institution in the catalog and named once.
/// </summary>
public sealed record ServiceDayPlan(string Locality, DateOnly Date, string Venue, int ExpectedAttendance, IReadOnlyList<CatalogService> Services);
