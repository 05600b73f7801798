using Boards.Notifications.Features.Email;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Notifications.Tests.Integration;

/// <summary>A host whose own e-mail pass sleeps: the tests run the dispatcher themselves and stop it when they choose.</summary>
public sealed class ManualSendingHost : NotificationsHost
{
    protected override TimeSpan EmailPollInterval => TimeSpan.FromHours(1);
}

/// <summary>Stopping the service while it sends never sends an e-mail twice (the duplicate seen in an end-to-end run).</summary>
public sealed class SendingStopTests(ManualSendingHost host) : IClassFixture<ManualSendingHost>
{
    private const string Address = "parada@boards.test";

    [Fact]
    public async Task A_stop_in_the_middle_of_a_batch_sends_nothing_twice_and_loses_nothing()
    {
        var officer = await host.PersonAsync("parada", BoardsRoles.InstitutionOfficer, Address, institution: "mspbs", servesIn: ["capiibary"]);
        for (var i = 0; i < 3; i++)
        {
            await host.Bus.Publish(Events.Requested(Guid.NewGuid(), "capiibary", "mds", "mspbs", TimeSpan.FromDays(1)));
        }

        var inbox = await host.InboxWithAsync(officer, 3);
        var hold = host.Mail.Hold(Address, letThrough: 1);

        // The first e-mail is accepted; the second is with the server when the service is told to stop.
        using var stopping = new CancellationTokenSource();
        var interrupted = DispatchAsync(stopping.Token);
        await hold.Reached.WaitAsync(ServiceTestHost<Program>.Patience);
        await stopping.CancelAsync();
        await Task.Delay(300);
        hold.Release();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => interrupted);

        // The service comes back and sends what is left.
        while (await DispatchAsync(CancellationToken.None) > 0)
        {
        }

        var mails = host.Mail.To(Address);
        Assert.Equal(3, mails.Count);
        Assert.Equal(
            inbox.Items.Select(item => MessageIds.For(item.Id)).Order(),
            mails.Select(mail => mail.MessageId).Order());
    }

    private async Task<int> DispatchAsync(CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EmailDispatcher>().RunAsync(ct);
    }
}
