using Boards.Notifications.Features.Email;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Notifications.Tests.Integration;

/// <summary>
/// The e-mail passes keep one SMTP connection open between them instead of opening one each (the mail server's cost of
/// a session for every e-mail sent one at a time); a connection the server closed meanwhile is replaced, not taken for
/// an outage, and a refused address does not end it.
/// </summary>
public sealed class SmtpConnectionTests(ManualSendingHost host) : IClassFixture<ManualSendingHost>
{
    private const string Address = "smtp.minna@boards.test";

    [Fact]
    public async Task Passes_one_after_another_send_over_one_connection_through_refusals_and_a_server_restart_between_them_delays_nothing()
    {
        var officer = await host.PersonAsync("smtp.minna", BoardsRoles.InstitutionOfficer, Address, institution: "minna", servesIn: ["yrybucua"]);
        // Each referral also goes to a refused address: a refusal leaves the connection fit for the next message.
        await host.PersonAsync("smtp.rebota", BoardsRoles.InstitutionOfficer, "smtp.rebota@" + TestMailServer.RefusedDomain, institution: "minna", servesIn: ["yrybucua"]);

        await ReferralAndPassAsync(officer, 1);
        await ReferralAndPassAsync(officer, 2);
        var mails = host.Mail.To(Address);
        Assert.Equal(2, mails.Count);
        Assert.Equal(mails[0].Session, mails[1].Session);

        // The server goes away and comes back between two passes: the kept connection is dead, the next pass opens another.
        await host.Mail.StopAsync();
        await host.Mail.StartAsync();
        await ReferralAndPassAsync(officer, 3);
        mails = host.Mail.To(Address);
        Assert.Equal(3, mails.Count);
        Assert.NotEqual(mails[1].Session, mails[2].Session);
    }

    /// <summary>A referral for the officer, then one e-mail pass (events of other test classes may add e-mails to it).</summary>
    private async Task ReferralAndPassAsync(string officer, int notifications)
    {
        await host.Bus.Publish(Events.Requested(Guid.NewGuid(), "yrybucua", "mds", "minna", TimeSpan.FromDays(1)));
        await host.InboxWithAsync(officer, notifications);
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EmailPass>().RunAsync(CancellationToken.None);
    }
}
