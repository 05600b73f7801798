global using Boards.Testing;

using System.Net.Http.Json;
using Boards.Notifications.Data;
using Boards.Notifications.Features.Directory;
using Boards.Notifications.Features.Inbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Notifications.Tests.Integration;

/// <summary>
/// The Notifications service hosted in-process (<see cref="ServiceTestHost{TProgram}"/>: the REAL PostgreSQL and
/// RabbitMQ, fresh databases, its own queue), reading people from the REAL identity provider in-process through the
/// Keycloak admin API with its own service account, and sending over SMTP to a real mail server in the test process.
/// Deadlines, sweeps and retries are seconds instead of days.
/// </summary>
/// <remarks>
/// The test classes run side by side and every host's queue is bound to the same event exchanges: an event one class
/// publishes reaches every host alive. So each class has municipalities of its own (and "otro-municipio", which no
/// event names, for people who must hear nothing).
/// </remarks>
public class NotificationsHost() : ServiceTestHost<Program>("notifications", "notificationsdb", "Notifications:ReceiveEndpoint", "notifications-events"), IAsyncLifetime
{
    public TestMailServer Mail { get; } = new();

    /// <summary>The service's clock: the real one, moved forward when a test says so (the digest's hour).</summary>
    public ShiftedClock Clock { get; } = new();

    /// <summary>How often the service looks for e-mails due (a subclass may leave the sending to its tests).</summary>
    protected virtual TimeSpan EmailPollInterval => TimeSpan.FromMilliseconds(200);

    protected override async Task StartingAsync() => await Mail.StartAsync();

    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Notifications:Smtp:Host", "127.0.0.1");
        web.UseSetting("Notifications:Smtp:Port", Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        web.UseSetting("Notifications:Email:PollInterval", EmailPollInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        web.UseSetting("Notifications:Email:RetryDelay", "00:00:00.200");
        web.UseSetting("Notifications:Email:MaxRetryDelay", "00:00:01");
        web.UseSetting("Notifications:Email:PortalUrl", "http://portal.test");
        web.UseSetting("Notifications:FanOut:Interval", "00:00:00.200");
        web.UseSetting("Notifications:Directory:CacheFor", "00:00:00");
        web.UseSetting("Notifications:Deadlines:SweepInterval", "00:00:00.200");
        web.UseSetting("Notifications:Reminders:SweepInterval", "00:00:00.200");
        web.UseSetting("Notifications:Deadlines:DueSoonBefore", "00:00:02");
        web.UseSetting("Notifications:Deadlines:FocalPointAfter", "00:00:02");
        web.UseSetting("Notifications:Deadlines:AnalystsAfter", "00:00:04");
        var identity = Identity.Handler();
        web.ConfigureTestServices(services =>
        {
            services.AddHttpClient(DirectoryRegistration.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => identity);
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    protected override async Task StoppedAsync() => await Mail.DisposeAsync();

    /// <summary>A person with these roles and scope, and an e-mail address (or none); returns their token.</summary>
    public Task<string> PersonAsync(string username, string role, string? email, string? municipality = null, string? institution = null, params string[] servesIn)
    {
        var attributes = new Dictionary<string, string[]>();
        if (municipality is not null)
        {
            attributes["municipality"] = [municipality];
        }

        if (institution is not null)
        {
            attributes["institution"] = [institution];
            attributes["municipalities"] = servesIn;
        }

        return Identity.PersonTokenAsync(username, [role], attributes, email);
    }

    public async Task<NotificationPage> InboxAsync(string token, string query = "")
    {
        using var client = Client(token);
        return (await client.GetFromJsonAsync<NotificationPage>("/api/notifications" + query))!;
    }

    /// <summary>Waits until the person's inbox holds at least <paramref name="count"/> notifications.</summary>
    public async Task<NotificationPage> InboxWithAsync(string token, int count)
    {
        NotificationPage? page = null;
        await WaitUntilAsync(async () => (page = await InboxAsync(token, "?status=all&pageSize=100")).Total >= count, $"{count} notifications");
        return page!;
    }

    public async Task<IReadOnlyList<ReceivedMail>> MailToAsync(string address, int count)
    {
        await WaitUntilAsync(() => Task.FromResult(Mail.To(address).Count >= count), $"{count} e-mails to {address}");
        return Mail.To(address);
    }

    public Task<T> InDbAsync<T>(Func<NotificationsDbContext, Task<T>> action) =>
        InScopeAsync(services => action(services.GetRequiredService<NotificationsDbContext>()));
}
