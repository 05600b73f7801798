using Boards.Notifications.Features.Email;
using Boards.Notifications.Features.FanOut;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Boards.Notifications.Tests.Integration;

/// <summary>
/// What one referral event costs Notifications in round trips to its database, end to end: the consumer, the fan-out
/// pass, the outbox relay's pass and the e-mail pass (docs/performance.md, "The cost of one referral"), one event at a
/// time and in a burst, where a batch of events shares its claim, its look-ups, its save and its commit
/// (docs/notifications.md, "What one referral event costs"). A change that adds a query to the path of every referral
/// fails here. The class runs alone (<see cref="RunsAlone"/>): another class's events would join these batches.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class RoundTripTests(RoundTripHost host, ITestOutputHelper output) : IClassFixture<RoundTripHost>
{
    private const int Burst = 40;

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

    [Fact]
    public async Task A_burst_of_referral_events_costs_fewer_round_trips_per_event_than_one_at_a_time()
    {
        var officer = await host.PersonAsync("rt.gob4", BoardsRoles.InstitutionOfficer, null, institution: Destination, servesIn: [Municipality]);
        await DeliverAsync(officer, 1);
        var referrals = Enumerable.Range(0, Burst)
            .Select(_ => Events.Requested(Guid.NewGuid(), Municipality, BoardOrigin, Destination, TimeSpan.FromDays(1)))
            .ToList();

        var requested = await host.BurstAsync(referrals);
        var answered = await host.BurstAsync(referrals.Select((r, i) => (i % 3) switch
        {
            0 => (object)Events.Accepted(r, TimeSpan.FromDays(10)),
            1 => Events.Rejected(r, "no_capacity"),
            _ => Events.CounterReferred(r),
        }).ToList());
        output.WriteLine($"{Burst} ReferralRequested at once: {Describe(requested)}");
        output.WriteLine($"{Burst} answers at once: {Describe(answered)}");

        // Each new referral announced to its officers; each answer to the officers and to the focal point (the board sent it).
        var steps = new[] { "accepted", "rejected", "counter_referred" };
        var expected = referrals.SelectMany((r, i) => new[] { "requested", steps[i % 3], steps[i % 3] + ":focal_point" }.Select(step => $"referral:{r.ReferralId}:{step}"));
        var prefixes = referrals.Select(r => $"referral:{r.ReferralId}:").ToList();
        var written = await host.InDbAsync(db => db.Announcements.Select(a => a.Key).ToListAsync());
        Assert.Equal(expected.Order(), written.Where(key => prefixes.Exists(prefix => key.StartsWith(prefix, StringComparison.Ordinal))).Order());
        Assert.Equal((Burst, Burst), (requested.Messages, answered.Messages));

        // A batch of new referrals: the claim, their tracked rows (none yet), one save, the commit, whatever its size;
        // a batch of answers adds the look-up of their announcement keys. One at a time that is 4 and 5 round trips per event.
        Assert.All(requested.PerUnit, unit => Assert.Equal(4, unit.RoundTrips));
        Assert.All(answered.PerUnit, unit => Assert.Equal(5, unit.RoundTrips));
        Assert.True(requested.Count < 4 * Burst / 2, $"A burst of requests shares its claim, look-up, save and commit: {Describe(requested)}.");
        Assert.True(answered.Count < 5 * Burst / 2, $"A burst of answers shares its claim, look-ups, save and commit: {Describe(answered)}.");
    }

    private static string Describe(RoundTrips.Tally tally) =>
        $"{tally.Messages} events in {tally.Units} transactions ({string.Join(", ", tally.PerUnit.Select(u => u.Messages))}), " +
        $"{tally.Count} round trips, {(double)tally.Count / tally.Messages:0.00} per event";

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
