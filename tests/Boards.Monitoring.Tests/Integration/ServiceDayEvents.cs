using Boards.ServiceDays.Contracts.Events;
using Boards.ServiceDays.Contracts.Reports;

namespace Boards.Monitoring.Tests.Integration;

/// <summary>ServiceDayHeld as ServiceDays' outbox relay publishes it.</summary>
public static class ServiceDayEvents
{
    public static ServiceDayHeld Held(string code, DateOnly date, int peopleServed, int referralsMade, int reportVersion = 1, Guid? serviceDayId = null)
    {
        var reportedAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero).AddHours(reportVersion);
        return new ServiceDayHeld
        {
            ServiceDayId = serviceDayId ?? Guid.CreateVersion7(),
            MunicipalityCode = code,
            Locality = "Compañía 3",
            Date = date,
            PeopleServed = peopleServed,
            ExpectedAttendance = peopleServed + 20,
            ServicesDelivered = [new ServiceDelivered { InstitutionCode = "mspbs", ServiceCode = "atencion-primaria", Attentions = peopleServed }],
            ReferralsMade = referralsMade,
            ReportVersion = reportVersion,
            ReportedAt = reportedAt,
            OccurredAt = reportedAt,
        };
    }
}
