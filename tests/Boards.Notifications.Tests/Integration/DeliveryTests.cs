using System.Net.Http.Json;
using Boards.Notifications.Features.DeliveryProblems;

namespace Boards.Notifications.Tests.Integration;

/// <summary>What cannot be e-mailed is recorded for ministry-admin; an outage of the mail server loses nothing.</summary>
public sealed class DeliveryTests(NotificationsHost host) : IClassFixture<NotificationsHost>
{
    [Fact]
    public async Task A_person_without_an_address_gets_the_centre_notification_and_is_listed_for_the_admin()
    {
        var officer = await host.PersonAsync("sin.correo", BoardsRoles.InstitutionOfficer, null, institution: "mspbs", servesIn: ["tembiapora"]);
        await host.Bus.Publish(Events.Requested(Guid.NewGuid(), "tembiapora", "mds", "mspbs", TimeSpan.FromDays(1)));
        await host.InboxWithAsync(officer, 1);

        var problems = await ProblemsAsync();
        var missing = Assert.Single(problems.MissingAddresses, m => m.UserName == "sin.correo");
        Assert.Equal(1, missing.Notifications);
        Assert.Equal([BoardsRoles.InstitutionOfficer], missing.Roles);
    }

    [Fact]
    public async Task A_refused_address_is_recorded_as_bounced_and_not_retried()
    {
        var officer = await host.PersonAsync("rebota", BoardsRoles.InstitutionOfficer, "rebota@" + TestMailServer.RefusedDomain, institution: "mec", servesIn: ["juan-emilio-oleary"]);
        await host.Bus.Publish(Events.Requested(Guid.NewGuid(), "juan-emilio-oleary", "mds", "mec", TimeSpan.FromDays(1)));
        await host.InboxWithAsync(officer, 1);

        EmailFailure? failure = null;
        await NotificationsHost.WaitUntilAsync(async () =>
            (failure = (await ProblemsAsync()).Failures.FirstOrDefault(f => f.UserName == "rebota" && f.Status == EmailStatus.Bounced)) is not null, "a bounce");
        Assert.Equal(1, failure!.Attempts);
        Assert.Contains("550", failure.LastError);

        await Task.Delay(1500);
        Assert.Equal(1, (await ProblemsAsync()).Failures.Single(f => f.UserName == "rebota").Attempts);
    }

    [Fact]
    public async Task With_the_mail_server_down_nothing_is_lost_and_each_email_arrives_once_after_it_returns()
    {
        var officer = await host.PersonAsync("caida", BoardsRoles.InstitutionOfficer, "caida@boards.test", institution: "mtess", servesIn: ["general-higinio-morinigo"]);
        await host.Mail.StopAsync();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                await host.Bus.Publish(Events.Requested(Guid.NewGuid(), "general-higinio-morinigo", "mds", "mtess", TimeSpan.FromDays(1)));
            }

            await host.InboxWithAsync(officer, 3);
            await NotificationsHost.WaitUntilAsync(async () =>
                (await ProblemsAsync()).Failures.Count(f => f.UserName == "caida" && f.Status == EmailStatus.Pending && f.Attempts >= 2) == 3,
                "the e-mails retried while the server is down");
        }
        finally
        {
            await host.Mail.StartAsync();
        }

        await host.MailToAsync("caida@boards.test", 3);
        await Task.Delay(2000);
        Assert.Equal(3, host.Mail.To("caida@boards.test").Count);
        Assert.DoesNotContain((await ProblemsAsync()).Failures, f => f.UserName == "caida");
    }

    [Fact]
    public async Task Only_the_ministry_admin_reads_the_delivery_problems()
    {
        using var analyst = host.Client(await host.PersonAsync("dp.analyst", BoardsRoles.MinistryAnalyst, "dp.analyst@boards.test"));
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/notifications/delivery-problems")).StatusCode);
    }

    private async Task<DeliveryProblemsView> ProblemsAsync()
    {
        using var admin = host.Client(await host.PersonAsync("dp.admin", BoardsRoles.MinistryAdmin, "dp.admin@boards.test"));
        return (await admin.GetFromJsonAsync<DeliveryProblemsView>("/api/notifications/delivery-problems"))!;
    }
}
