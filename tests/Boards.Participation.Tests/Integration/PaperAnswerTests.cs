using Boards.Participation.Contracts.Pulse;
using Boards.Participation.Domain;

namespace Boards.Participation.Tests.Integration;

/// <summary>Paper forms typed in by the focal point: with the slip's code (the same one-answer rule) or without one.</summary>
public sealed class PaperAnswerTests(ParticipationHost host) : IClassFixture<ParticipationHost>
{
    [Fact]
    public async Task A_paper_form_with_a_code_uses_the_code_like_an_online_answer_and_is_marked_paper()
    {
        var municipality = await host.NewMunicipalityAsync();
        var code = Assert.Single(await host.IssueAsync(municipality, PulseSources.BoardSession, ageBand: PulseAgeBands.Youth));
        using var focal = host.FocalPoint(municipality);

        var recorded = await (await focal.PostJsonAsync("/api/participation/paper-answers", new { code, couldSpeak = 2, trustInstitutions = 3, endowmentShare = 10 }))
            .JsonAsync(HttpStatusCode.Created);
        using var person = host.Anonymous();
        var again = await person.PostJsonAsync("/pulse/v1/answers", new { code, couldSpeak = 5 });

        Assert.Equal((PulseChannels.Paper, true, PulseAgeBands.Youth), (recorded.Str("channel"), recorded.GetProperty("withCode").GetBoolean(), recorded.Str("ageBand")));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var answered = await host.AnsweredInAsync(municipality);
        Assert.Equal((PulseChannels.Paper, true, PulseSources.BoardSession), (answered.Channel, answered.WithCode, answered.Source));
    }

    [Fact]
    public async Task A_paper_form_without_a_code_counts_for_the_current_or_the_previous_quarter_only()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.FocalPoint(municipality);
        var current = PulseCalendar.QuarterOf(DateTimeOffset.UtcNow);

        var now = await (await focal.PostJsonAsync("/api/participation/paper-answers", new { source = PulseSources.ServiceDay, gotWhatCameFor = 5 }))
            .JsonAsync(HttpStatusCode.Created);
        var late = await (await focal.PostJsonAsync("/api/participation/paper-answers",
            new { municipalityCode = municipality, source = PulseSources.CounterReferral, ageBand = PulseAgeBands.Adult, quarter = current.Previous.ToString(), trustBoard = 2 }))
            .JsonAsync(HttpStatusCode.Created);
        var tooOld = await (await focal.PostJsonAsync("/api/participation/paper-answers",
            new { source = PulseSources.ServiceDay, quarter = current.Previous.Previous.ToString(), trustBoard = 2 })).JsonAsync(HttpStatusCode.BadRequest);
        var badChoices = await (await focal.PostJsonAsync("/api/participation/paper-answers", new { source = "feria", ageBand = "adolescente", trustBoard = 2 }))
            .JsonAsync(HttpStatusCode.BadRequest);
        var codeAndPlace = await (await focal.PostJsonAsync("/api/participation/paper-answers", new { code = "ABCD-EFGH-JKMN", source = "service_day", trustBoard = 2 }))
            .JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal((current.ToString(), PulseAgeBands.Unknown, false), (now.Str("quarter"), now.Str("ageBand"), now.GetProperty("withCode").GetBoolean()));
        Assert.Equal(current.Previous.ToString(), late.Str("quarter"));
        Assert.Equal(["quarter"], tooOld.ErrorFields());
        Assert.Equal(["ageBand", "source"], badChoices.ErrorFields());
        Assert.Equal(["source"], codeAndPlace.ErrorFields());
        var answers = await host.InScopeAsync(db => db.Answers.Where(a => a.MunicipalityCode == municipality).ToListAsync());
        Assert.Equal(2, answers.Count);
        Assert.All(answers, a => Assert.Equal((PulseChannels.Paper, false), (a.Channel, a.WithCode)));
        Assert.All(answers, a => Assert.False(string.IsNullOrEmpty(a.RecordedBy)));
    }

    [Fact]
    public async Task Only_a_focal_point_types_in_paper_answers()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var analyst = host.Analyst();
        using var officer = host.Client(await host.OfficerTokenAsync("mspbs", municipality));

        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostJsonAsync("/api/participation/paper-answers", new { municipalityCode = municipality, source = "service_day", trustBoard = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostJsonAsync("/api/participation/paper-answers", new { municipalityCode = municipality, source = "service_day", trustBoard = 2 })).StatusCode);
        Assert.Equal(0, await host.InScopeAsync(db => db.Answers.CountAsync(a => a.MunicipalityCode == municipality)));
    }
}
