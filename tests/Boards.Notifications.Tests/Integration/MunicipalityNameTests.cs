using Boards.Membership.Contracts.Events;
using Boards.Notifications.Features.Announce;

namespace Boards.Notifications.Tests.Integration;

/// <summary>
/// The municipality names in what people read come from a copy of the replica kept in memory: a municipality registered
/// or renamed shows in the next notification on the replica that heard of it, and within a minute on any other.
/// </summary>
public sealed class MunicipalityNameTests(NotificationsHost host) : IClassFixture<NotificationsHost>
{
    [Fact]
    public async Task A_municipality_registered_and_then_renamed_is_named_as_it_is_now_in_the_next_notification()
    {
        var code = $"prueba-{Guid.NewGuid().ToString("N")[..8]}";
        var officer = await host.PersonAsync($"nom.{code}", BoardsRoles.InstitutionOfficer, null, institution: "mds", servesIn: [code]);

        await RegisterAsync(code, "Colonia Primera", DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Contains("en Colonia Primera", await NextNotificationAsync(officer, code, 1));

        await RegisterAsync(code, "Colonia Segunda", DateTimeOffset.UtcNow);
        Assert.Contains("en Colonia Segunda", await NextNotificationAsync(officer, code, 2));
    }

    [Fact]
    public async Task A_name_changed_by_another_replica_shows_once_the_copy_is_a_minute_old()
    {
        var code = $"prueba-{Guid.NewGuid().ToString("N")[..8]}";
        var officer = await host.PersonAsync($"nom.{code}", BoardsRoles.InstitutionOfficer, null, institution: "mds", servesIn: [code]);
        await RegisterAsync(code, "Paso Viejo", DateTimeOffset.UtcNow);
        Assert.Contains("en Paso Viejo", await NextNotificationAsync(officer, code, 1));

        // Another replica of the service consumed the rename: only the shared table changed.
        await host.InDbAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE municipalities SET "Name" = 'Paso Nuevo' WHERE "Code" = {code}"""));
        host.Clock.Advance(new MunicipalityNamesOptions().RefreshEvery);

        Assert.Contains("en Paso Nuevo", await NextNotificationAsync(officer, code, 2));
    }

    private async Task RegisterAsync(string code, string name, DateTimeOffset occurredAt)
    {
        await host.Bus.Publish(new MunicipalityRegistered
        {
            Code = code, Name = name, Department = "Canindeyú", DepartmentNumber = 14, Status = "active", OccurredAt = occurredAt,
        });
        await NotificationsHost.WaitUntilAsync(
            () => host.InDbAsync(db => db.Municipalities.AnyAsync(m => m.Code == code && m.Name == name)), $"{code} named {name}");
    }

    /// <summary>A new referral to the officer's municipality; answers the body of its notification.</summary>
    private async Task<string> NextNotificationAsync(string officer, string code, int count)
    {
        var referral = Events.Requested(Guid.NewGuid(), code, "mec", "mds", TimeSpan.FromDays(1));
        await host.Bus.Publish(referral);
        var page = await host.InboxWithAsync(officer, count);
        return page.Items.Single(n => n.Link == $"/referencias/{referral.ReferralId}").Body;
    }
}
