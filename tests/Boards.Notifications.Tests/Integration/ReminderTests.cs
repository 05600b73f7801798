using Boards.Membership.Contracts.Events;
using Boards.Monitoring.Contracts.Events;

namespace Boards.Notifications.Tests.Integration;

/// <summary>A session agreement about to fall due reminds the board's focal point and the responsible institution, once.</summary>
public sealed class ReminderTests(NotificationsHost host) : IClassFixture<NotificationsHost>
{
    [Fact]
    public async Task An_agreement_due_tomorrow_reminds_the_focal_point_and_the_institution_once_and_a_done_one_nobody()
    {
        var focal = await host.PersonAsync("acuerdo.focal", BoardsRoles.FocalPoint, "acuerdo.focal@boards.test", municipality: "san-juan-nepomuceno");
        var officer = await host.PersonAsync("acuerdo.mec", BoardsRoles.InstitutionOfficer, "acuerdo.mec@boards.test", institution: "mec", servesIn: ["san-juan-nepomuceno"]);
        var today = DateOnly.FromDateTime(ParaguayTime.ToLocal(DateTimeOffset.UtcNow).DateTime);
        var session = Guid.NewGuid();

        var due = Agreement(session, "mec", today.AddDays(1));
        var done = Agreement(session, "mec", today.AddDays(1));
        var later = Agreement(session, "mec", today.AddDays(10));
        // Done before it was due: the status change (newer) wins whichever event arrives first. It goes first here, so
        // the sweep never sees the agreement open.
        await host.Bus.Publish(new AgreementStatusChanged
        {
            MunicipalityCode = "san-juan-nepomuceno", BoardId = done.BoardId, SessionId = session, AgreementId = done.AgreementId,
            PreviousStatus = "pending", Status = "done", OccurredAt = DateTimeOffset.UtcNow.AddSeconds(1),
        });
        await NotificationsHost.WaitUntilAsync(() => host.InDbAsync(db => db.TrackedAgreements.AnyAsync(a => a.AgreementId == done.AgreementId)), "the done agreement");
        await host.Bus.Publish(done);
        await host.Bus.Publish(later);
        await host.Bus.Publish(due);
        await host.Bus.Publish(due);

        var reminder = Assert.Single((await host.InboxWithAsync(focal, 1)).Items);
        Assert.Equal(NotificationKinds.AgreementDue, reminder.Kind);
        Assert.Contains("Ministerio de Educación", reminder.Body);
        Assert.Equal($"/mesa/san-juan-nepomuceno/sesiones/{session}", reminder.Link);
        Assert.Single((await host.InboxWithAsync(officer, 1)).Items);

        await Task.Delay(1500);
        Assert.Equal(1, (await host.InboxAsync(focal, "?status=all")).Total);
        Assert.Equal(1, (await host.InboxAsync(officer, "?status=all")).Total);
        Assert.Single(await host.MailToAsync("acuerdo.focal@boards.test", 1));
    }

    [Fact]
    public async Task An_early_warning_reaches_the_focal_point_of_its_municipality_only()
    {
        var focal = await host.PersonAsync("alerta.focal", BoardsRoles.FocalPoint, "alerta.focal@boards.test", municipality: "ri-3-corrales");
        var other = await host.PersonAsync("alerta.otro", BoardsRoles.FocalPoint, "alerta.otro@boards.test", municipality: "otro-municipio");
        var warning = new EarlyWarningRaised
        {
            WarningId = Guid.NewGuid(),
            MunicipalityCode = "ri-3-corrales",
            Rule = "no_recent_session",
            RuleTitle = "La mesa no sesiona",
            Evidence = "La última sesión fue hace 75 días (el umbral es 60).",
            Figures = new Dictionary<string, decimal> { ["days_since_last_session"] = 75 },
            RaisedAt = DateTimeOffset.UtcNow,
        };
        await host.Bus.Publish(warning);
        await host.Bus.Publish(warning);

        var notice = Assert.Single((await host.InboxWithAsync(focal, 1)).Items);
        Assert.Equal(NotificationKinds.EarlyWarning, notice.Kind);
        Assert.Contains("La mesa no sesiona", notice.Title);
        Assert.Contains("75 días", notice.Body);
        Assert.Single(await host.MailToAsync("alerta.focal@boards.test", 1));
        await Task.Delay(1000);
        Assert.Equal(1, (await host.InboxAsync(focal, "?status=all")).Total);
        Assert.Equal(0, (await host.InboxAsync(other, "?status=all")).Total);
    }

    private static AgreementRecorded Agreement(Guid session, string institution, DateOnly dueOn) => new()
    {
        MunicipalityCode = "san-juan-nepomuceno",
        BoardId = Guid.NewGuid(),
        SessionId = session,
        AgreementId = Guid.NewGuid(),
        What = "Gestionar el puesto de salud móvil",
        ResponsibleInstitution = institution,
        DueOn = dueOn,
        Status = "pending",
        OccurredAt = DateTimeOffset.UtcNow,
    };
}
