using Boards.Planning.Contracts.Events;
using Boards.Planning.Contracts.Plans;
using Boards.ServiceDays.Contracts.Events;

namespace Boards.Notifications.Tests.Integration;

/// <summary>An overdue plan action reaches its institution; a service day tomorrow reaches the board's focal point. Once each.</summary>
public sealed class PlanAndServiceDayTests(NotificationsHost host) : IClassFixture<NotificationsHost>
{
    [Fact]
    public async Task An_overdue_plan_action_reaches_the_responsible_institutions_officers_there_once()
    {
        var officer = await host.PersonAsync("pat.mtess", BoardsRoles.InstitutionOfficer, "pat.mtess@boards.test", institution: "mtess", servesIn: ["alto-vera"]);
        var elsewhere = await host.PersonAsync("pat.mtess.otro", BoardsRoles.InstitutionOfficer, "pat.mtess.otro@boards.test", institution: "mtess", servesIn: ["otro-municipio"]);
        var overdue = Action("alto-vera", "mtess", version: 2, overdue: true, status: "in_progress");
        await host.Bus.Publish(Action("alto-vera", "mtess", version: 1, overdue: false, status: "in_progress") with { ActionId = overdue.ActionId });
        await host.Bus.Publish(overdue);
        await host.Bus.Publish(overdue with { ActionVersion = 3, Progress = 40 });

        var notice = Assert.Single((await host.InboxWithAsync(officer, 1)).Items);
        Assert.Equal(NotificationKinds.PlanActionOverdue, notice.Kind);
        Assert.Contains("31/03/2026", notice.Body);
        Assert.DoesNotContain(overdue.Title, notice.Body);
        Assert.Equal($"/pat/alto-vera/accion/{overdue.ActionId}", notice.Link);
        await Task.Delay(1000);
        Assert.Equal(1, (await host.InboxAsync(officer, "?status=all")).Total);
        Assert.Equal(0, (await host.InboxAsync(elsewhere, "?status=all")).Total);
    }

    [Fact]
    public async Task A_service_day_tomorrow_reaches_the_focal_point_once_and_a_cancelled_or_later_one_nobody()
    {
        var focal = await host.PersonAsync("jornada.focal", BoardsRoles.FocalPoint, "jornada.focal@boards.test", municipality: "itanara");
        var tomorrow = DateOnly.FromDateTime(ParaguayTime.ToLocal(DateTimeOffset.UtcNow).DateTime).AddDays(1);
        var day = Day("itanara", tomorrow, "confirmed", version: 2);
        var cancelled = Day("itanara", tomorrow, "cancelled", version: 3);
        // Cancelled first, then its older "planned" news, which changes nothing (the sweep must never see it open).
        await host.Bus.Publish(cancelled);
        await NotificationsHost.WaitUntilAsync(() => host.InDbAsync(db => db.TrackedServiceDays.AnyAsync(d => d.ServiceDayId == cancelled.ServiceDayId)), "the cancelled day");
        await host.Bus.Publish(cancelled with { Status = "planned", Version = 1 });
        await host.Bus.Publish(Day("itanara", tomorrow.AddDays(5), "planned", version: 1));
        await host.Bus.Publish(day with { Version = 1, Status = "planned", Date = tomorrow.AddDays(3) });
        await host.Bus.Publish(day);

        var notice = Assert.Single((await host.InboxWithAsync(focal, 1)).Items);
        Assert.Equal(NotificationKinds.ServiceDayTomorrow, notice.Kind);
        Assert.Contains("Compañía Loma", notice.Body);
        Assert.Contains("confirmada", notice.Body);
        Assert.Equal($"/jornadas/dia/{day.ServiceDayId}", notice.Link);
        await Task.Delay(1500);
        Assert.Equal(1, (await host.InboxAsync(focal, "?status=all")).Total);
        Assert.Single(await host.MailToAsync("jornada.focal@boards.test", 1));
    }

    private static PlanActionProgressed Action(string municipality, string institution, long version, bool overdue, string status) => new()
    {
        PlanId = Guid.NewGuid(),
        MunicipalityCode = municipality,
        Year = 2026,
        ActionId = Guid.NewGuid(),
        ActionVersion = version,
        Title = "Visitas domiciliarias de la familia Gómez",
        Status = status,
        Progress = 20,
        ResponsibleInstitution = institution,
        StartsOn = new DateOnly(2026, 1, 15),
        EndsOn = new DateOnly(2026, 3, 31),
        Overdue = overdue,
        Plan = new PlanRollup { Progress = 20, ActionCount = 1, DoneActions = 0, OverdueActions = overdue ? 1 : 0 },
        OccurredAt = DateTimeOffset.UtcNow,
    };

    private static ServiceDayScheduled Day(string municipality, DateOnly date, string status, long version) => new()
    {
        ServiceDayId = Guid.NewGuid(),
        MunicipalityCode = municipality,
        Locality = "Compañía Loma",
        Date = date,
        Status = status,
        Version = version,
        OccurredAt = DateTimeOffset.UtcNow,
    };
}
