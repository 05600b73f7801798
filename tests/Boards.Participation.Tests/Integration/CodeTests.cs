using System.Security.Cryptography;
using System.Text;
using Boards.Participation.Contracts.Pulse;
using Boards.Participation.Domain.Codes;

namespace Boards.Participation.Tests.Integration;

/// <summary>One-time codes: what is stored, one answer per code, and one refusal for every code that cannot be answered.</summary>
public sealed class CodeTests(ParticipationHost host) : IClassFixture<ParticipationHost>
{
    private static object PersonAnswer(string code) => new { code, gotWhatCameFor = 4, treatedWell = 5, trustBoard = 3, endowmentShare = 40 };

    [Fact]
    public async Task Printed_codes_are_grouped_crockford_symbols_and_only_their_sha256_is_stored_with_no_link_to_a_person()
    {
        var municipality = await host.NewMunicipalityAsync();

        var codes = await host.IssueAsync(municipality, PulseSources.ServiceDay, count: 5, ageBand: PulseAgeBands.Youth);

        Assert.Equal(5, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", code));
        var stored = await host.InScopeAsync(db => db.Codes.Where(c => c.MunicipalityCode == municipality).ToListAsync());
        var expected = codes.Select(c => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(c.Replace("-", "", StringComparison.Ordinal))))).Order();
        Assert.Equal(expected, stored.Select(c => Convert.ToHexString(c.Hash)).Order());
        Assert.All(stored, c => Assert.Equal((PulseSources.ServiceDay, PulseAgeBands.Youth, (DateOnly?)null), (c.Source, c.AgeBand, c.ConsumedOn)));

        // The table has no column that could hold the code itself, a referral or a person, and no text anywhere holds a code.
        var columns = await host.InScopeAsync(db => db.Database.SqlQuery<string>(
            $"SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_name = 'pulse_codes' ORDER BY 1").ToListAsync());
        Assert.Equal(["age_band", "consumed_on", "expires_on", "hash", "municipality_code", "quarter", "source"], columns);
        var dump = await host.InScopeAsync(db => db.Database.SqlQuery<string>(
            $"SELECT coalesce(string_agg(t::text, ' '), '') AS \"Value\" FROM pulse_codes t").SingleAsync());
        var batches = await host.InScopeAsync(db => db.Database.SqlQuery<string>($"SELECT coalesce(string_agg(t::text, ' '), '') AS \"Value\" FROM slip_batches t").SingleAsync());
        var outbox = await host.InScopeAsync(db => db.Database.SqlQuery<string>($"SELECT coalesce(string_agg(t::text, ' '), '') AS \"Value\" FROM outbox_messages t").SingleAsync());
        foreach (var code in codes.SelectMany(c => new[] { c, c.Replace("-", "", StringComparison.Ordinal) }))
        {
            Assert.DoesNotContain(code, dump, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(code, batches, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(code, outbox, StringComparison.OrdinalIgnoreCase);
        }

        var issued = await host.IssuedInAsync(municipality);
        Assert.Equal((5, PulseSources.ServiceDay, PulseAgeBands.Youth), (issued.Count, issued.Source, issued.AgeBand));
    }

    [Fact]
    public async Task A_code_is_answered_once_and_a_second_answer_with_it_is_refused_in_spanish()
    {
        var municipality = await host.NewMunicipalityAsync();
        var code = Assert.Single(await host.IssueAsync(municipality, ageBand: PulseAgeBands.Senior));
        using var person = host.Anonymous();

        var first = await (await person.PostJsonAsync("/pulse/v1/answers", PersonAnswer(code))).JsonAsync(HttpStatusCode.Created);
        var second = await (await person.PostJsonAsync("/pulse/v1/answers", PersonAnswer(code.ToLowerInvariant()))).JsonAsync(HttpStatusCode.NotFound);

        Assert.Contains("Gracias", first.Str("message"), StringComparison.Ordinal);
        Assert.Equal("Código no válido.", second.Str("title"));
        Assert.Contains("una sola respuesta", second.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(1, await host.InScopeAsync(db => db.Answers.CountAsync(a => a.MunicipalityCode == municipality)));
        var answered = await host.AnsweredInAsync(municipality);
        Assert.Equal((PulseSources.CounterReferral, PulseAgeBands.Senior, PulseChannels.Online, true), (answered.Source, answered.AgeBand, answered.Channel, answered.WithCode));
        Assert.Equal(new Dictionary<string, int> { [PulseItems.GotWhatCameFor] = 4, [PulseItems.TreatedWell] = 5, [PulseItems.TrustBoard] = 3 }, answered.Scores);
        Assert.Equal(40, answered.EndowmentShare);
        // The answer is not tied to its code: a random id (version 4, not time-ordered), and no column but the quarter tells when.
        var stored = await host.InScopeAsync(db => db.Answers.SingleAsync(a => a.MunicipalityCode == municipality));
        Assert.Equal(4, stored.Id.Version);
        Assert.Equal(answered.AnswerId, stored.Id);
    }

    [Fact]
    public async Task Racing_answers_with_one_code_let_exactly_one_through()
    {
        var municipality = await host.NewMunicipalityAsync();
        var code = Assert.Single(await host.IssueAsync(municipality));

        var statuses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var person = host.Anonymous();
            using var response = await person.PostJsonAsync("/pulse/v1/answers", PersonAnswer(code));
            return response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.All(statuses.Where(s => s != HttpStatusCode.Created), s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(1, await host.InScopeAsync(db => db.Answers.CountAsync(a => a.MunicipalityCode == municipality)));
    }

    [Fact]
    public async Task Unknown_mistyped_used_and_expired_codes_get_one_and_the_same_answer_when_checked_and_when_answered()
    {
        var municipality = await host.NewMunicipalityAsync();
        var codes = await host.IssueAsync(municipality, count: 2);
        var (used, expired) = (codes[0], codes[1]);
        using var person = host.Anonymous();
        await (await person.PostJsonAsync("/pulse/v1/answers", PersonAnswer(used))).JsonAsync(HttpStatusCode.Created);
        var expiredHash = OneTimeCode.Hash(expired.Replace("-", "", StringComparison.Ordinal));
        await host.InScopeAsync(db => db.Database.ExecuteSqlAsync($"UPDATE pulse_codes SET expires_on = current_date - 1 WHERE hash = {expiredHash}"));
        string unknown;
        do
        {
            unknown = OneTimeCode.Grouped(OneTimeCode.New());
        }
        while (codes.Contains(unknown));

        var answers = new List<string>();
        foreach (var code in new[] { unknown, "ZZZZ-ZZZZ-ZZZ!", used, expired })
        {
            foreach (var path in new[] { "/pulse/v1/answers", "/pulse/v1/codes/check" })
            {
                using var response = await person.PostJsonAsync(path, PersonAnswer(code));
                var body = await response.JsonAsync(HttpStatusCode.NotFound);
                answers.Add($"{body.Int("status")} {body.Str("title")} {body.Str("detail")}");
            }
        }

        Assert.Single(answers.Distinct());
        Assert.Equal(1, await host.InScopeAsync(db => db.Answers.CountAsync(a => a.MunicipalityCode == municipality)));
    }

    [Fact]
    public async Task Checking_a_code_names_its_questionnaire_without_using_it()
    {
        var municipality = await host.NewMunicipalityAsync();
        var person = Assert.Single(await host.IssueAsync(municipality, PulseSources.ServiceDay));
        var member = Assert.Single(await host.IssueAsync(municipality, PulseSources.BoardSession));
        using var anonymous = host.Anonymous();

        var personForm = await (await anonymous.PostJsonAsync("/pulse/v1/codes/check", new { code = person })).JsonAsync(HttpStatusCode.OK);
        var memberForm = await (await anonymous.PostJsonAsync("/pulse/v1/codes/check", new { code = member })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("person", personForm.Str("kind"));
        Assert.Equal("members", memberForm.Str("kind"));
        Assert.Contains("couldSpeak", memberForm.GetProperty("questions").EnumerateArray().Select(q => q.Str("field")));
        await (await anonymous.PostJsonAsync("/pulse/v1/answers", new { code = member, couldSpeak = 5, agreementsClear = 2, trustInstitutions = 4 }))
            .JsonAsync(HttpStatusCode.Created);
        await (await anonymous.PostJsonAsync("/pulse/v1/answers", PersonAnswer(person))).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Answers_that_do_not_fit_the_questionnaire_are_refused_by_field_and_leave_the_code_unused()
    {
        var municipality = await host.NewMunicipalityAsync();
        var code = Assert.Single(await host.IssueAsync(municipality));
        using var person = host.Anonymous();

        var foreign = await (await person.PostJsonAsync("/pulse/v1/answers", new { code, trustBoard = 4, couldSpeak = 5 })).JsonAsync(HttpStatusCode.BadRequest);
        var range = await (await person.PostJsonAsync("/pulse/v1/answers", new { code, trustBoard = 6, endowmentShare = 101 })).JsonAsync(HttpStatusCode.BadRequest);
        var empty = await (await person.PostJsonAsync("/pulse/v1/answers", new { code })).JsonAsync(HttpStatusCode.BadRequest);
        var noCode = await (await person.PostJsonAsync("/pulse/v1/answers", new { trustBoard = 4 })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["couldSpeak"], foreign.ErrorFields());
        Assert.Equal(["endowmentShare", "trustBoard"], range.ErrorFields());
        Assert.Equal(["answers"], empty.ErrorFields());
        Assert.Equal(["code"], noCode.ErrorFields());
        await (await person.PostJsonAsync("/pulse/v1/answers", new { code, trustBoard = 4 })).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_questionnaires_are_public_in_spanish_with_guarani_marked_pending()
    {
        using var anonymous = host.Anonymous();

        var forms = await (await anonymous.GetAsync("/pulse/v1/questionnaires")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(["person", "members"], forms.EnumerateArray().Select(f => f.Str("kind")));
        var questions = forms.EnumerateArray().SelectMany(f => f.GetProperty("questions").EnumerateArray()).ToList();
        Assert.Contains(questions, q => q.Str("item") == "endowment_share" && q.Str("kind") == "share");
        Assert.All(questions, q => Assert.Equal(JsonValueKind.Null, q.GetProperty("guarani").ValueKind));
        Assert.All(questions.Where(q => q.Str("kind") == "likert"), q => Assert.Equal(5, q.GetProperty("scale").GetArrayLength()));
    }
}
