using System.Collections.Concurrent;
using Boards.Monitoring.Data;
using Boards.Testing;
using Boards.Monitoring.Contracts.Events;
using Boards.Participation.Contracts.Events;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Monitoring.Tests.Integration;

/// <summary>
/// The Monitoring host with tokens, the early-warning sweep every second, rule 7 at 10 points on 3 answers, and a listener
/// for EarlyWarningRaised.
/// </summary>
public sealed class PulseHost : MonitoringHost
{
    public ConcurrentQueue<EarlyWarningRaised> Raised { get; } = new();

    protected override bool IssuesTokens => true;

    protected override void ConfigureBus(IRabbitMqBusFactoryConfigurator rabbit)
    {
        DeleteQueuesAtEnd(ListenerQueue, endpoint: false);
        rabbit.ReceiveEndpoint(ListenerQueue, endpoint =>
        {
            endpoint.AutoDelete = true;
            Collect(endpoint, Raised);
        });
    }

    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Monitoring:EarlyWarnings:Interval", "00:00:01");
        web.UseSetting("Monitoring:EarlyWarnings:TrustDropPoints", "10");
        web.UseSetting("Monitoring:EarlyWarnings:TrustMinAnswers", "3");
    }
}

/// <summary>
/// The pulse in Monitoring (docs/pulse.md, "Indices"): Participation's events on the real bus, the indices with their
/// number of answers over REST with real tokens, a redelivery counted once, and rule 7 raised by a crafted drop.
/// </summary>
public sealed class PulseTests(PulseHost host) : IClassFixture<PulseHost>
{
    private static string Current => QuarterOf(ParaguayCalendar.Today(DateTimeOffset.UtcNow));
    private static string Previous => Boards.Monitoring.Features.GetPulse.GetPulseHandler.Previous(Current);

    private static string QuarterOf(DateOnly day) => Boards.Monitoring.Features.GetPulse.GetPulseHandler.QuarterOf(day);

    private static string NewMunicipality() => $"pulso-{Guid.NewGuid().ToString("N")[..10]}";

    private static PulseAnswerRecorded Answer(string code, string quarter, int? trust, string source = "counter_referral", string ageBand = "unknown",
        int? share = null, int? couldSpeak = null, bool withCode = true, string channel = "online")
    {
        var scores = new Dictionary<string, int>();
        if (trust is { } t)
        {
            scores[source == "board_session" ? "trust_institutions" : "trust_board"] = t;
        }

        if (couldSpeak is { } c)
        {
            scores["could_speak"] = c;
        }

        return new PulseAnswerRecorded
        {
            AnswerId = Guid.NewGuid(), MunicipalityCode = code, Quarter = quarter, Source = source, AgeBand = ageBand, Channel = channel,
            WithCode = withCode, Scores = scores, EndowmentShare = share,
        };
    }

    private async Task<JsonElement> GetAsync(string path, string token, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = host.Client(token);
        return await (await client.GetAsync(path)).JsonAsync(expected);
    }

    [Fact]
    public async Task The_indices_of_a_municipality_and_quarter_come_with_the_answers_behind_them()
    {
        var code = NewMunicipality();
        await host.PublishAndWaitAsync(new PulseCodesIssued
        {
            BatchId = Guid.CreateVersion7(), MunicipalityCode = code, Quarter = Current, Source = "service_day", AgeBand = "15_29", Count = 4,
            OccurredAt = DateTimeOffset.UtcNow,
        });
        foreach (var answer in new[]
                 {
                     Answer(code, Current, 5, "service_day", "15_29", share: 60),
                     Answer(code, Current, 4, "service_day", "15_29", share: 40),
                     Answer(code, Current, 3, "service_day", "65_plus", share: 10),
                     Answer(code, Current, 1, "board_session", "30_64", couldSpeak: 4, withCode: false, channel: "paper"),
                 })
        {
            await host.PublishAndWaitAsync(answer);
        }

        var quarters = await GetAsync($"/api/monitoring/municipalities/{code}/pulse", await host.TokenAsync(null, BoardsRoles.MinistryAnalyst));

        var pulse = Assert.Single(quarters.EnumerateArray());
        Assert.Equal(Current, pulse.Str("quarter"));
        Assert.Equal(4, pulse.Int("answers"));
        Assert.Equal(1, pulse.Int("paperAnswers"));
        // Trust: (100 + 75 + 50 + 0) / 4 on the 0–100 scale, from 4 answers.
        Assert.Equal(56.3m, pulse.GetProperty("trust").Dec("value"));
        Assert.Equal(4, pulse.GetProperty("trust").Int("answers"));
        // Response rate: 3 answers with a code of 4 slips printed.
        Assert.Equal((4, 3, 75m), (pulse.Int("slipsPrinted"), pulse.Int("answersWithCode"), pulse.Dec("responseRate")));
        Assert.Equal((75m, 1), (pulse.GetProperty("couldSpeak").Dec("value"), pulse.GetProperty("couldSpeak").Int("answers")));
        Assert.Equal((36.7m, 3), (pulse.GetProperty("endowmentShare").Dec("value"), pulse.GetProperty("endowmentShare").Int("answers")));
        var bands = pulse.GetProperty("byAgeBand").EnumerateArray().ToDictionary(b => b.Str("ageBand"));
        Assert.Equal(["15_29", "30_64", "65_plus"], bands.Keys);
        Assert.Equal((50m, 2), (bands["15_29"].GetProperty("endowmentShare").Dec("value"), bands["15_29"].GetProperty("endowmentShare").Int("answers")));
        Assert.Equal(87.5m, bands["15_29"].GetProperty("trust").Dec("value"));
        Assert.Equal(JsonValueKind.Null, bands["30_64"].GetProperty("endowmentShare").GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task A_redelivered_answer_counts_once_even_under_a_new_message_id()
    {
        var code = NewMunicipality();
        var answer = Answer(code, Current, 5);

        await host.PublishAndWaitAsync(answer);
        await host.PublishAndWaitAsync(answer);
        await host.PublishAndWaitAsync(answer with { });

        var count = await host.InScopeAsync(services => services.GetRequiredService<MonitoringDbContext>().PulseAnswers.CountAsync(a => a.Code == code));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task A_crafted_drop_in_trust_raises_the_early_warning_and_too_few_answers_do_not()
    {
        var dropping = NewMunicipality();
        var sparse = NewMunicipality();
        foreach (var trust in new[] { 5, 5, 4 })
        {
            await host.PublishAndWaitAsync(Answer(dropping, Previous, trust));
            await host.PublishAndWaitAsync(Answer(sparse, Previous, trust));
        }

        foreach (var trust in new[] { 2, 1, 2 })
        {
            await host.PublishAndWaitAsync(Answer(dropping, Current, trust));
        }

        // Two answers only this quarter, and none the quarter before the previous one: nothing to compare.
        await host.PublishAndWaitAsync(Answer(sparse, Current, 1));
        await host.PublishAndWaitAsync(Answer(sparse, Current, 1));

        await MonitoringHost.WaitUntilAsync(
            () => Task.FromResult(host.Raised.Any(w => w.MunicipalityCode == dropping && w.Rule == "trust_dropping")), "the trust warning");
        var warning = host.Raised.Single(w => w.MunicipalityCode == dropping && w.Rule == "trust_dropping");
        Assert.Equal("Confianza en baja", warning.RuleTitle);
        Assert.Equal((91.7m, 16.7m, 75m), (warning.Figures["previous_trust_index"], warning.Figures["trust_index"], warning.Figures["drop_points"]));
        Assert.Contains(Current, warning.Evidence, StringComparison.Ordinal);

        // Another pass or two of the sweep: still nothing for the municipality with too few answers.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.DoesNotContain(host.Raised, w => w.MunicipalityCode == sparse);
    }

    [Fact]
    public async Task A_focal_point_sees_only_their_municipalitys_pulse_and_the_national_view_is_per_quarter()
    {
        var own = NewMunicipality();
        var other = NewMunicipality();
        await host.PublishAndWaitAsync(Answer(own, Current, 4));
        await host.PublishAndWaitAsync(Answer(other, Current, 2));
        var focal = await host.TokenAsync(own, BoardsRoles.FocalPoint);
        var analyst = await host.TokenAsync(null, BoardsRoles.MinistryAnalyst);

        await GetAsync($"/api/monitoring/municipalities/{other}/pulse", focal, HttpStatusCode.Forbidden);
        var mine = await GetAsync("/api/monitoring/pulse", focal);
        var national = await GetAsync($"/api/monitoring/pulse?quarter={Current}", analyst);
        var earlier = await GetAsync($"/api/monitoring/pulse?quarter={Previous}", analyst);
        var bad = await GetAsync("/api/monitoring/pulse?quarter=ayer", analyst, HttpStatusCode.BadRequest);

        Assert.Equal(Current, mine.Str("quarter"));
        Assert.Equal([own], mine.GetProperty("municipalities").EnumerateArray().Select(m => m.Str("municipalityCode")));
        Assert.Superset(new HashSet<string> { own, other }, national.GetProperty("municipalities").EnumerateArray().Select(m => m.Str("municipalityCode")).ToHashSet());
        Assert.DoesNotContain(own, earlier.GetProperty("municipalities").EnumerateArray().Select(m => m.Str("municipalityCode")));
        Assert.Equal(["quarter"], bad.ErrorFields());
        using var anonymous = host.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/monitoring/pulse")).StatusCode);
    }
}
