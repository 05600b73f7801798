using Boards.Monitoring.Domain.OpenData;
using Boards.Monitoring.Tests.Domain.OpenData;

namespace Boards.Monitoring.Tests.Integration.OpenData;

/// <summary>
/// The pulse in the open data, /open/v1/pulso/… and /open/v1/municipios/{código}/pulso/…, against the real read model:
/// Participation's events through real RabbitMQ into real PostgreSQL, read back WITHOUT a token. Last quarter, Villa
/// Pulso has 17 trust answers in four age bands (65 and over a single one), slips and a response rate, and two members'
/// answers; Villa Chica has three answers, all of them withheld, and so has Villa Callada until the ETag test adds two.
/// </summary>
public sealed class OpenPulseApiTests(OpenPulseApiTests.Quarter quarter) : IClassFixture<OpenPulseApiTests.Quarter>
{
    public sealed class Quarter : IAsyncLifetime
    {
        public MonitoringHost Host { get; } = new();
        public string Code { get; } = TestCodes.Unique("pulso");
        public string Small { get; } = TestCodes.Unique("chica");
        public string Quiet { get; } = TestCodes.Unique("callada");
        public OpenQuarter Data { get; } = OpenQuarter.Of(OpenQuarter.Current(DateTimeOffset.UtcNow).FirstDay.AddMonths(-3));

        public async Task InitializeAsync()
        {
            await Host.InitializeAsync();
            await Host.PublishAndWaitAsync(TestCodes.Registration(Code, "Villa Pulso", "Itapúa", 7));
            await Host.PublishAndWaitAsync(TestCodes.Registration(Small, "Villa Chica", "Itapúa", 7));
            await Host.PublishAndWaitAsync(TestCodes.Registration(Quiet, "Villa Callada", "Itapúa", 7));
            var q = Data.Code;

            await Host.PublishAndWaitAsync(PulseEvents.Slips(Code, q, 10, "15_29"));
            await Host.PublishAndWaitAsync(PulseEvents.Slips(Code, q, 8, "30_64"));
            await Host.PublishAndWaitAsync(PulseEvents.Slips(Code, q, 2, "65_plus"));
            // 15–29: trust 100 75 75 50 100 75 25 50 (550 ÷ 8 = 68.75), shares 50 60 40 70 30 50 20 80 (400 ÷ 8 = 50).
            int[] youngTrust = [5, 4, 4, 3, 5, 4, 2, 3];
            int[] youngShare = [50, 60, 40, 70, 30, 50, 20, 80];
            for (var i = 0; i < 8; i++)
            {
                await Host.PublishAndWaitAsync(PulseEvents.Answer(Code, q, youngTrust[i], "15_29", youngShare[i]));
            }

            // 30–64: trust 50 50 75 25 0 100 (300 ÷ 6 = 50), shares 10 … 60 (210 ÷ 6 = 35).
            int[] adultTrust = [3, 3, 4, 2, 1, 5];
            for (var i = 0; i < 6; i++)
            {
                await Host.PublishAndWaitAsync(PulseEvents.Answer(Code, q, adultTrust[i], "30_64", (i + 1) * 10));
            }

            // 65 and over: one person, trust "Nada" (0), share 100.
            await Host.PublishAndWaitAsync(PulseEvents.Answer(Code, q, 1, "65_plus", 100));
            // Two members on paper without a code: trust 75 and 75, voice 100 and 50; no share.
            await Host.PublishAndWaitAsync(PulseEvents.Answer(Code, q, 4, source: "board_session", couldSpeak: 5, withCode: false));
            await Host.PublishAndWaitAsync(PulseEvents.Answer(Code, q, 4, source: "board_session", couldSpeak: 3, withCode: false));

            await Host.PublishAndWaitAsync(PulseEvents.Slips(Small, q, 3, "15_29"));
            for (var i = 0; i < 3; i++)
            {
                await Host.PublishAndWaitAsync(PulseEvents.Answer(Small, q, 5, "15_29", 90));
                await Host.PublishAndWaitAsync(PulseEvents.Answer(Quiet, q, 5, "15_29", 90));
            }
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    private HttpClient Anonymous() => quarter.Host.Client(null);

    private async Task<JsonElement> JsonAsync(string path)
    {
        using var response = await Anonymous().GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<OpenPulse> MunicipalityAsync(string code) =>
        new(Assert.Single((await JsonAsync($"/open/v1/municipios/{code}/pulso/{quarter.Data.Label}.json")).GetProperty("municipios").EnumerateArray()));

    [Fact]
    public async Task A_quarter_without_a_token_gives_each_figure_with_its_answers_and_every_small_one_withheld()
    {
        var pulse = await MunicipalityAsync(quarter.Code);

        Assert.Equal((Figure.Of(20), (int?)null), pulse.Get("boletas_impresas"));
        // 15 answers with a code of 20 slips; the members answered on paper without one.
        Assert.Equal((Figure.Of(75), (int?)15), pulse.Get("tasa_respuesta"));
        // Trust: (550 + 300 + 0 + 150) ÷ 17 = 58.8. 65+ (1) and unknown (2) are small; 30–64 (6) is withheld with them
        // so that the whole less 15–29 leaves three bands sharing 9 answers.
        Assert.Equal((Figure.Of(58.8), (int?)17), pulse.Get("indice_confianza"));
        Assert.Equal((Figure.Of(68.8), (int?)8), pulse.Get("indice_confianza", "15_29"));
        foreach (var band in new[] { "30_64", "65_o_mas", "no_indicado" })
        {
            Assert.Equal((Figure.Suppressed, (int?)null), pulse.Get("indice_confianza", band));
        }

        // Voice: two members, withheld.
        Assert.Equal((Figure.Suppressed, (int?)null), pulse.Get("voz_miembros"));
        // Endowment: (400 + 210 + 100) ÷ 15 = 47.3; 65+ (1) withheld with 30–64 (6); nobody of unknown age answered it.
        Assert.Equal((Figure.Of(47.3), (int?)15), pulse.Get("dotacion_comun"));
        Assert.Equal((Figure.Of(50), (int?)8), pulse.Get("dotacion_comun", "15_29"));
        Assert.Equal((Figure.Suppressed, (int?)null), pulse.Get("dotacion_comun", "30_64"));
        Assert.Equal((Figure.Suppressed, (int?)null), pulse.Get("dotacion_comun", "65_o_mas"));
        Assert.Equal((Figure.NoData, (int?)0), pulse.Get("dotacion_comun", "no_indicado"));

        // Three answers in all: the whole and its bands, the slips and the rate are withheld.
        var small = await MunicipalityAsync(quarter.Small);
        Assert.All(small.Figures.Where(f => f.GetProperty("indicador").GetString() is "indice_confianza" or "dotacion_comun"),
            f => Assert.Equal("suprimido", f.GetProperty("estado").GetString()));
        Assert.Equal((Figure.Suppressed, (int?)null), small.Get("boletas_impresas"));
        Assert.Equal((Figure.Suppressed, (int?)null), small.Get("tasa_respuesta"));
    }

    [Fact]
    public async Task An_attacker_with_every_file_of_the_quarter_cannot_recover_the_lone_answer_of_65_and_over()
    {
        var own = await MunicipalityAsync(quarter.Code);
        var all = await JsonAsync($"/open/v1/pulso/{quarter.Data.Label}.json");
        var inQuarterFile = Assert.Single(all.GetProperty("municipios").EnumerateArray(), m => m.GetProperty("municipio").GetString() == quarter.Code);
        Assert.Equal(own.Json.GetRawText(), inQuarterFile.GetRawText());
        var csv = await Anonymous().GetStringAsync($"/open/v1/municipios/{quarter.Code}/pulso/{quarter.Data.Label}.csv");
        Assert.Contains($"{quarter.Data.Label},{quarter.Code},Villa Pulso,Itapúa,indice_confianza,65_o_mas,,,suprimido", csv, StringComparison.Ordinal);
        Assert.Contains($"{quarter.Data.Label},{quarter.Code},Villa Pulso,Itapúa,indice_confianza,15_29,68.8,8,publicado", csv, StringComparison.Ordinal);

        var trust = new PulseAttacker(25, bound: 40).Solve(own.Breakdown("indice_confianza")).Withheld["65_plus"];
        var share = new PulseAttacker(1, bound: 40).Solve(own.Breakdown("dotacion_comun")).Withheld["65_plus"];

        // Trust: three bands share 9 answers summing to 450; the lone answer (0) could be anything from 0 to 100.
        Assert.Equal(Enumerable.Range(1, 7), trust.Answers);
        Assert.Equal((0m, 100m, false), (trust.LowestMean, trust.HighestMean, trust.MeanPinned));
        // Share: two bands share 7 answers summing to about 310; the lone share (100) could be anything.
        Assert.Equal(Enumerable.Range(1, 6), share.Answers);
        Assert.Equal((0m, 100m, false), (share.LowestMean, share.HighestMean, share.MeanPinned));
    }

    [Fact]
    public async Task A_crawler_gets_an_etag_and_a_304_until_a_figure_changes()
    {
        var path = $"/open/v1/municipios/{quarter.Quiet}/pulso/{quarter.Data.Label}.json";
        using var first = await Anonymous().GetAsync(path);
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.Equal("public, max-age=300", first.Headers.CacheControl?.ToString());
        Assert.Contains("license", string.Join(",", first.Headers.GetValues("Link")), StringComparison.Ordinal);
        Assert.Equal("*", string.Join(",", first.Headers.GetValues("Access-Control-Allow-Origin")));
        using var head = await Anonymous().SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal((HttpStatusCode.OK, etag), (head.StatusCode, head.Headers.ETag));

        // A fourth answer is still a small count: no byte changes. A fifth makes the whole publishable.
        await quarter.Host.PublishAndWaitAsync(PulseEvents.Answer(quarter.Quiet, quarter.Data.Code, 5, "15_29", 90));
        Assert.Equal(HttpStatusCode.NotModified, (await IfNoneMatchAsync(path, etag)).StatusCode);
        await quarter.Host.PublishAndWaitAsync(PulseEvents.Answer(quarter.Quiet, quarter.Data.Code, 5, "15_29", 90));
        using var changed = await IfNoneMatchAsync(path, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        var pulse = new OpenPulse(Assert.Single(JsonDocument.Parse(await changed.Content.ReadAsStringAsync()).RootElement.GetProperty("municipios").EnumerateArray()));
        Assert.Equal((Figure.Of(100), (int?)5), pulse.Get("indice_confianza"));
        Assert.Equal((Figure.Of(100), (int?)5), pulse.Get("indice_confianza", "15_29"));
    }

    private async Task<HttpResponseMessage> IfNoneMatchAsync(string path, System.Net.Http.Headers.EntityTagHeaderValue tag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(tag);
        return await Anonymous().SendAsync(request);
    }

    public static TheoryData<string, int, string> BadInput() => new()
    {
        { "/open/v1/pulso/2026-Q1.json", 400, "trimestre" },
        { "/open/v1/pulso/2026-T5.json", 400, "trimestre" },
        { "/open/v1/pulso/2026-03.json", 400, "trimestre" },
        { "/open/v1/pulso/9999-T1.csv", 400, "trimestre" },
        { "/open/v1/pulso/2019-T4.csv", 400, "trimestre" },
        { "/open/v1/pulso/2024-T1.xml", 404, "" },
        { "/open/v1/pulso/2024-T1", 404, "" },
        { $"/open/v1/municipios/{new string('a', 65)}/pulso/2024-T1.json", 400, "municipio" },
        { "/open/v1/municipios/no-existe-este/pulso/2024-T1.json", 404, "" },
        { "/open/v1/municipios/x/pulso/2024-T1/otro.json", 404, "" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_a_spanish_problem_never_a_500(string path, int status, string field)
    {
        using var response = await Anonymous().GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode == status, $"{path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        if (field.Length > 0)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), body);
        }
    }

    [Fact]
    public async Task The_index_lists_the_quarters_the_dictionary_describes_every_identifier_and_the_catalog_offers_each_quarter()
    {
        var index = await JsonAsync("/open/v1/municipios.json");
        Assert.Contains(quarter.Data.Label, index.GetProperty("trimestres").EnumerateArray().Select(q => q.GetString()));
        Assert.Equal(OpenQuarter.Current(DateTimeOffset.UtcNow).Label, index.GetProperty("trimestre_actual").GetString());

        var dictionary = await JsonAsync("/open/v1/diccionario.json");
        var described = dictionary.GetProperty("indicadores").EnumerateArray().Select(i => i.GetProperty("identificador").GetString()).ToHashSet();
        var bands = dictionary.GetProperty("rangos_edad").EnumerateArray().Select(i => i.GetProperty("identificador").GetString()).ToHashSet();
        var columns = dictionary.GetProperty("columnas_pulso").EnumerateArray().Select(i => i.GetProperty("identificador").GetString()).ToList();
        var pulse = await MunicipalityAsync(quarter.Code);
        Assert.All(pulse.Figures, f => Assert.Contains(f.GetProperty("indicador").GetString(), described));
        Assert.All(pulse.Figures.Select(f => f.GetProperty("rango_edad").GetString()).OfType<string>(), b => Assert.Contains(b, bands));
        Assert.All(pulse.Figures.First().EnumerateObject(), p => Assert.Contains(p.Name, columns));
        var csvHeader = (await Anonymous().GetStringAsync($"/open/v1/pulso/{quarter.Data.Label}.csv")).Split('\n')[0].TrimEnd('\r');
        Assert.Equal(string.Join(',', columns), csvHeader);
        var dictionaryCsv = await Anonymous().GetStringAsync("/open/v1/diccionario.csv");
        Assert.Contains("rango_edad,65_o_mas,", dictionaryCsv, StringComparison.Ordinal);

        var catalog = JsonDocument.Parse(await Anonymous().GetStringAsync("/open/v1/catalogo.jsonld")).RootElement;
        var dataset = catalog.GetProperty("dcat:dataset")[1];
        Assert.Equal(["dcat:Dataset", "schema:Dataset"], dataset.GetProperty("@type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("http://purl.org/cld/freq/quarterly", dataset.GetProperty("dct:accrualPeriodicity").GetProperty("@id").GetString());
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", dataset.GetProperty("schema:license").GetProperty("@id").GetString());
        var urls = dataset.GetProperty("schema:distribution").EnumerateArray().Select(d => d.GetProperty("schema:contentUrl").GetString()).ToList();
        Assert.Contains($"/open/v1/pulso/{quarter.Data.Label}.csv", urls);
        Assert.Contains($"/open/v1/pulso/{quarter.Data.Label}.json", urls);
    }

    [Fact]
    public async Task Nothing_printed_is_a_date_finer_than_the_quarter_or_free_text()
    {
        var text = (await JsonAsync($"/open/v1/pulso/{quarter.Data.Label}.json")).GetRawText()
            + await Anonymous().GetStringAsync($"/open/v1/pulso/{quarter.Data.Label}.csv");

        Assert.DoesNotMatch(@"\d{4}-\d{2}", text);
        Assert.DoesNotContain(quarter.Data.Code, text, StringComparison.Ordinal);
        Assert.DoesNotContain("board_session", text, StringComparison.Ordinal);
        Assert.DoesNotContain("paper", text, StringComparison.Ordinal);
    }
}
