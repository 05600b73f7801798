using Boards.Monitoring.Consumers;
using Boards.Monitoring.Tests.Integration;

namespace Boards.Monitoring.Tests.Consumers;

public sealed class ServiceDayAndPlanMappingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 30, 0, TimeSpan.FromHours(-3));

    [Fact]
    public void A_service_day_is_read_with_its_code_normalized_and_its_time_in_utc()
    {
        var message = ServiceDayEvents.Held(" Yhú ", new DateOnly(2026, 10, 3), 40, 3, reportVersion: 2) with { ReportedAt = T0 };

        var reading = ServiceDayMapping.ToReading(message);

        Assert.Equal(("yhú", new DateOnly(2026, 10, 3), 40, 3, 2), (reading.Code, reading.Date, reading.PeopleServed, reading.ReferralsMade, reading.ReportVersion));
        Assert.Equal(TimeSpan.Zero, reading.ReportedAt.Offset);
        Assert.Equal(T0, reading.ReportedAt);
    }

    [Fact]
    public void Plan_events_are_read_with_their_figures_and_the_status_in_lower_case()
    {
        var planId = Guid.CreateVersion7();
        var approval = PlanMapping.ToApproval(PlanEvents.Approved(" Vaqueria ", planId, 2026, 2, 12.5m, 7, T0));
        var change = PlanMapping.ToChange(PlanEvents.Progressed(
            "VAQUERIA", planId, 2026, Guid.CreateVersion7(), 4, PlanEvents.Rollup(30m, 7, 2, 1), T0, status: " Blocked ", overdue: true));

        Assert.Equal(("vaqueria", 2026, 2, 12.5m, 7), (approval.Code, approval.Year, approval.Version, approval.Progress, approval.ActionCount));
        Assert.Equal(TimeSpan.Zero, approval.OccurredAt.Offset);
        Assert.Equal(("vaqueria", "blocked", 4L, true), (change.Code, change.Status, change.ActionVersion, change.Overdue));
        Assert.Equal(new Boards.Monitoring.Domain.PlanFigures(30m, 7, 2, 1), change.Plan);
    }

    [Fact]
    public void Events_without_a_municipality_are_refused()
    {
        Assert.Throws<InvalidOperationException>(() => ServiceDayMapping.ToReading(ServiceDayEvents.Held(" ", new DateOnly(2026, 10, 3), 1, 0)));
        Assert.Throws<InvalidOperationException>(() => PlanMapping.ToApproval(PlanEvents.Approved("", Guid.CreateVersion7(), 2026, 1, 0, 1, T0)));
        Assert.Throws<InvalidOperationException>(() => PlanMapping.ToChange(
            PlanEvents.Progressed(" ", Guid.CreateVersion7(), 2026, Guid.CreateVersion7(), 1, PlanEvents.Rollup(0, 1, 0, 0), T0)));
    }

    [Fact]
    public void A_service_days_services_are_added_up_per_institution_and_the_focal_point_events_are_read()
    {
        var message = ServiceDayEvents.Held("yhu", new DateOnly(2026, 10, 3), 40, 0) with
        {
            ServicesDelivered =
            [
                new() { InstitutionCode = " MSPBS ", ServiceCode = "vacunacion", Attentions = 10 },
                new() { InstitutionCode = "mspbs", ServiceCode = "atencion-primaria", Attentions = 25 },
                new() { InstitutionCode = "mspbs", ServiceCode = "Vacunacion", Attentions = 5 },
                new() { InstitutionCode = "mec", ServiceCode = "apoyo-escolar", Attentions = 7 },
            ],
        };

        var reading = ServiceDayMapping.ToReading(message);

        Assert.Equal([new InstitutionDelivery("mec", 7, 1), new InstitutionDelivery("mspbs", 40, 2)], reading.Institutions);
        Assert.Throws<InvalidOperationException>(() => ServiceDayMapping.ToReading(message with
        {
            ServicesDelivered = [new() { InstitutionCode = " ", ServiceCode = "x", Attentions = 1 }],
        }));

        var appointment = FocalPointMapping.ToAppointment(FocalPointEvents.Appointed(" Yhu ", Guid.Empty, 7, new DateOnly(2026, 1, 2)));
        Assert.Equal(("yhu", 7L), (appointment.Code, appointment.BoardVersion));
        Assert.NotEqual(Guid.Empty, appointment.TermId);
        Assert.Throws<InvalidOperationException>(() => FocalPointMapping.ToReading(FocalPointEvents.Access("yhu", Guid.CreateVersion7(), "otorgado", T0)));
        Assert.Equal("granted", FocalPointMapping.ToReading(FocalPointEvents.Access("yhu", Guid.CreateVersion7(), " Granted ", T0)).Access);
    }
}
