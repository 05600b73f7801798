using System.Net;
using System.Text.Json;

namespace Boards.Portal.Tests;

/// <summary>
/// /pulso, the public answer page (docs/pulse.md, "The portal"), without signing in: the code opens its questionnaire,
/// the answers go to /pulse/v1/answers as chosen, and the one refusal reaches the person for a code already used.
/// </summary>
public sealed class PulseAnswerPageTests : IClassFixture<SignedInPortalHost>
{
    private const string Questionnaire = """
        { "kind": "member", "title": "¿Cómo estuvo la sesión de la mesa?", "titleGuarani": null, "introduction": "Son cuatro preguntas.",
          "questions": [
            { "item": "could_speak", "field": "couldSpeak", "kind": "likert", "spanish": "¿Pudo expresar su opinión?", "guarani": null,
              "scale": ["No pude", "Muy poco", "En parte", "Bastante", "Plenamente"] },
            { "item": "endowment_share", "field": "endowmentShare", "kind": "share", "spanish": "¿Qué parte pondría?", "guarani": null, "scale": [] } ] }
        """;

    private readonly SignedInPortalHost host;

    public PulseAnswerPageTests(SignedInPortalHost host)
    {
        this.host = host;
        host.Gateway.Reset();
    }

    [Fact]
    public async Task An_answer_posted_from_the_questionnaire_is_sent_with_the_code_and_thanked()
    {
        host.Gateway.Answer = r => r switch
        {
            "POST /pulse/v1/codes/check" => (HttpStatusCode.OK, Questionnaire),
            "POST /pulse/v1/answers" => (HttpStatusCode.Created, """{ "message": "Gracias por responder." }"""),
            _ => null,
        };
        var person = host.CreateClient(new() { AllowAutoRedirect = false });

        var page = await person.GetStringAsync("/pulso?codigo=abcd-efgh-jkmn");
        var fields = Html.HiddenFields(page, "pulse-form").Select(f => KeyValuePair.Create(f.Key, f.Value))
            .Append(KeyValuePair.Create("Answer.CouldSpeak", "4")).Append(KeyValuePair.Create("Answer.EndowmentShare", "25"));
        using var response = await person.PostAsync("/pulso?codigo=abcd-efgh-jkmn", new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html}");
        Assert.Contains("Gracias por responder.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var sent = JsonDocument.Parse(host.Gateway.Requests.Single(r => r.Request == "POST /pulse/v1/answers").Body!).RootElement;
        Assert.Equal(("abcd-efgh-jkmn", 4, 25), (sent.GetProperty("code").GetString(), sent.GetProperty("couldSpeak").GetInt32(), sent.GetProperty("endowmentShare").GetInt32()));
    }
}
