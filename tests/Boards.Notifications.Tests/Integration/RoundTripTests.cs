using Boards.Notifications.Features.Email;
using Boards.Notifications.Features.FanOut;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Boards.Notifications.Tests.Integration;

/// <summary>
/// What one referral event costs Notifications in round trips to its database, end to end: the consumer, the fan-out
/// pass, the outbox relay's pass and the e-mail pass (docs/performance.md, "The cost of one referral"). A change that
/// adds a query to the path of every referral fails here.
/// </summary>
public sealed class RoundTripTests(RoundTripHost host, ITestOutputHelper output) : IClassFixture<RoundTripHost>
{
    private const string Municipality = "san-juan-nepomuceno";
    private const string Destination = "gobernacion";
    private const string BoardOrigin = "municipalidad";

    [Fact]
    public async Task A_new_referral_costs_few_round_trips_from_its_event_to_its_email()
    {
        var officer = await host.PersonAsync("rt.gob", BoardsRoles.InstitutionOfficer, "rt.gob@boards.test", institution: Destination, servesIn: [Municipality]);
        // The first event of the service reads the municipality names; measured is the steady state after it.
        var first = await DeliverAsync(officer, 1);

        var referral = Events.Requested(Guid.NewGuid(), Municipality, "mds", Destination, TimeSpan.FromDays(1));
        var consumer = await host.ConsumeAsync(referral);
        var fanOut = await host.PassAsync<FanOut>();
        var relay = await host.RelayAsync();
        var (email, sent) = await EmailPassAsync();
        output.WriteLine(string.Join("; ", host.Mail.Received.Select(m => string.Join(",", m.To) + " " + m.Subject)));
        output.WriteLine($"first event {first}; ReferralRequested: consumer {consumer}, fan-out pass {fanOut}, relay pass {relay}, e-mail pass {email} ({sent} sent)");

        var notification = (await host.InboxWithAsync(officer, 2)).Items.Single(n => n.Link == $"/referencias/{referral.ReferralId}");
        Assert.Contains("San Juan Nepomuceno", notification.Body);
        Assert.Single(host.Mail.To("rt.gob@boards.test"), mail => mail.MessageId == MessageIds.For(notification.Id));
        Assert.Equal(4, consumer);
        Assert.Equal(5, fanOut);
        // The e-mails due (one query), each in its own transaction (lock, mark, commit), then the digests due (one query).
        Assert.Equal(1 + (3 * sent) + 1, email);
        Assert.True(sent >= 1);
    }

    [Fact]
    public async Task The_answers_and_deadlines_of_a_referral_cost_few_round_trips_in_their_consumers()
    {
        await host.PersonAsync("rt.focal", BoardsRoles.FocalPoint, "rt.focal@boards.test", municipality: Municipality);
        await DeliverAsync(await host.PersonAsync("rt.gob2", BoardsRoles.InstitutionOfficer, null, institution: Destination, servesIn: [Municipality]), 1);

        var answered = Events.Requested(Guid.NewGuid(), Municipality, BoardOrigin, Destination, TimeSpan.FromDays(1));
        var rejected = Events.Requested(Guid.NewGuid(), Municipality, BoardOrigin, Destination, TimeSpan.FromDays(1));
        var cancelled = Events.Requested(Guid.NewGuid(), Municipality, BoardOrigin, Destination, TimeSpan.FromDays(1));
        var counts = new Dictionary<string, int>();
        counts["ReferralRequested"] = await host.ConsumeAsync(answered);
        counts["ReferralOverdue"] = await host.ConsumeAsync(Events.Overdue(answered));
        counts["ReferralAccepted"] = await host.ConsumeAsync(Events.Accepted(answered, TimeSpan.FromDays(10)));
        counts["ReferralCounterReferred"] = await host.ConsumeAsync(Events.CounterReferred(answered));
        counts["ReferralAccepted again (published twice)"] = await host.ConsumeAsync(Events.Accepted(answered, TimeSpan.FromDays(10)));
        await host.ConsumeAsync(rejected);
        counts["ReferralRejected"] = await host.ConsumeAsync(Events.Rejected(rejected, "no_capacity"));
        await host.ConsumeAsync(cancelled);
        counts["ReferralCancelled"] = await host.ConsumeAsync(Events.Cancelled(cancelled));
        output.WriteLine(string.Join("\n", counts.Select(c => $"{c.Key}: {c.Value}")));

        Assert.Equal(
            new Dictionary<string, int>
            {
                ["ReferralRequested"] = 4,
                ["ReferralOverdue"] = 5,
                ["ReferralAccepted"] = 5,
                ["ReferralCounterReferred"] = 5,
                ["ReferralAccepted again (published twice)"] = 4,
                ["ReferralRejected"] = 5,
                ["ReferralCancelled"] = 4,
            },
            counts);
    }

    [Fact]
    public async Task A_fan_out_pass_costs_the_same_for_several_announcements_as_for_one()
    {
        var officer = await host.PersonAsync("rt.gob3", BoardsRoles.InstitutionOfficer, "rt.gob3@boards.test", institution: Destination, servesIn: [Municipality]);
        await DeliverAsync(officer, 1);
        var before = (await host.InboxAsync(officer, "?status=all")).Total;

        for (var i = 0; i < 3; i++)
        {
            await host.ConsumeAsync(Events.Requested(Guid.NewGuid(), Municipality, "mds", Destination, TimeSpan.FromDays(1)));
        }

        var fanOut = await host.PassAsync<FanOut>();
        var relay = await host.RelayAsync();
        var (email, sent) = await EmailPassAsync();
        output.WriteLine($"three referrals: fan-out pass {fanOut}, relay pass {relay}, e-mail pass {email} ({sent} sent)");

        Assert.Equal(before + 3, (await host.InboxWithAsync(officer, before + 3)).Total);
        Assert.Equal(5, fanOut);
        Assert.Equal(1 + (3 * sent) + 1, email);
    }

    /// <summary>A referral for the officer, all the way to the e-mail (or its absence); answers the consumer's round trips.</summary>
    private async Task<int> DeliverAsync(string officer, int notifications)
    {
        var consumer = await host.ConsumeAsync(Events.Requested(Guid.NewGuid(), Municipality, "mds", Destination, TimeSpan.FromDays(1)));
        var fanOut = await host.PassAsync<FanOut>();
        var relay = await host.RelayAsync();
        var (email, sent) = await EmailPassAsync();
        output.WriteLine($"a referral: consumer {consumer}, fan-out pass {fanOut}, relay pass {relay}, e-mail pass {email} ({sent} sent)");
        await host.InboxWithAsync(officer, notifications);
        return consumer;
    }

    private async Task<(int RoundTrips, int Sent)> EmailPassAsync()
    {
        var sent = 0;
        var roundTrips = await host.RoundTrips.CountAsync(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            sent = await scope.ServiceProvider.GetRequiredService<EmailPass>().RunAsync(CancellationToken.None);
        });
        return (roundTrips, sent);
    }
}
