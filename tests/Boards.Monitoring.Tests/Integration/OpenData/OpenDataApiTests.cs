using Boards.Monitoring.Domain.OpenData;
using Boards.Monitoring.Tests.Domain.OpenData;

namespace Boards.Monitoring.Tests.Integration.OpenData;

/// <summary>
/// /open/v1 against the real read model: events through real RabbitMQ into real PostgreSQL, read back WITHOUT a token.
/// One month two months ago holds a municipality with three need categories (one of them a single referral), service
/// days, two representativity bases, a plan and a gap analysis; the month after holds newer readings.
/// </summary>
public sealed class OpenDataApiTests(OpenDataApiTests.Month month) : IClassFixture<OpenDataApiTests.Month>
{
    /// <summary>The host, its data published once for every test of the class.</summary>
    public sealed class Month : IAsyncLifetime
    {
        public MonitoringHost Host { get; } = new();
        public string Code { get; } = TestCodes.Unique("abierto");
        public string Quiet { get; } = TestCodes.Unique("sindatos");
        public OpenMonth Data { get; } = OpenMonth.Of(OpenMonth.Current(DateTimeOffset.UtcNow).FirstDay.AddMonths(-2));
        public DateTimeOffset Mid => Data.StartsAt.AddDays(9).AddHours(12);

        public async Task InitializeAsync()
        {
            await Host.InitializeAsync();
            await Host.PublishAndWaitAsync(TestCodes.Registration(Code, "Villa Abierta", "Itapúa", 7));
            await Host.PublishAndWaitAsync(TestCodes.Registration(Quiet, "Villa Callada", "Itapúa", 7));

            // salud: 20 sent, 12 closed. educacion: 9 sent, 5 closed (4 not closed: small). violencia: 1 sent.
            await ReferralsAsync("salud", sent: 20, closed: 12);
            await ReferralsAsync("educacion", sent: 9, closed: 5);
            await ReferralsAsync("violencia", sent: 1, closed: 0);

            await Host.PublishAndWaitAsync(ServiceDayEvents.Held(Code, Data.FirstDay.AddDays(3), 30, 2));
            await Host.PublishAndWaitAsync(ServiceDayEvents.Held(Code, Data.FirstDay.AddDays(17), 3, 0));
            await Host.PublishAndWaitAsync(TestCodes.Assessed(Code, Mid, 72.5m));
            await Host.PublishAndWaitAsync(TestCodes.Assessed(Code, Mid.AddDays(1), 60m) with { Basis = "attendance" });
            await Host.PublishAndWaitAsync(TestCodes.Assessed(Code, Data.Next().StartsAt.AddDays(2), 80m));
            await Host.PublishAndWaitAsync(PlanEvents.Approved(Code, Guid.CreateVersion7(), Data.Year, 1, 35m, 6, Mid));
            await Host.PublishAndWaitAsync(GapEvents.Analysis(Code, Mid,
                GapEvents.Category("vivienda", "Vivienda", 3), GapEvents.Category("salud", "Salud", 40), GapEvents.Category("agua", "Agua", 0)));
        }

        private async Task ReferralsAsync(string category, int sent, int closed)
        {
            for (var i = 0; i < sent; i++)
            {
                var story = new ReferralStory(Code, Mid.AddMinutes(i));
                await Host.PublishAndWaitAsync(story.Requested() with { NeedCategory = category });
                if (i < closed)
                {
                    await Host.PublishAndWaitAsync(story.Accepted(1) with { NeedCategory = category });
                    await Host.PublishAndWaitAsync(story.CounterReferred(5, version: 3) with { NeedCategory = category });
                }
            }
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    private HttpClient Anonymous() => month.Host.Client(null);

    private async Task<JsonElement> JsonAsync(string path)
    {
        using var response = await Anonymous().GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<OpenDataMonth> MunicipalityMonthAsync(OpenMonth which) =>
        new(Assert.Single((await JsonAsync($"/open/v1/municipios/{month.Code}/{which.Label}.json")).GetProperty("municipios").EnumerateArray()));

    [Fact]
    public async Task A_month_without_a_token_gives_its_figures_with_every_small_count_withheld()
    {
        var figures = await MunicipalityMonthAsync(month.Data);

        Assert.Equal(["educacion", "salud", "violencia"], figures.Categories("referencias_enviadas"));
        Assert.Equal(Figure.Of(20), figures.Get("referencias_enviadas", "salud"));
        Assert.Equal(Figure.Of(12), figures.Get("referencias_cerradas", "salud"));
        // violencia (1) is small; educacion (4 not closed) too; each hides the other from the totals.
        foreach (var category in new[] { "violencia", "educacion" })
        {
            Assert.Equal(Figure.Suppressed, figures.Get("referencias_enviadas", category));
            Assert.Equal(Figure.Suppressed, figures.Get("referencias_cerradas", category));
        }

        Assert.Equal(Figure.Of(30), figures.Get("referencias_enviadas"));
        Assert.Equal(Figure.Of(17), figures.Get("referencias_cerradas"));
        Assert.Equal(Figure.Of(0.57), figures.Get("tasa_ciclo_cerrado"));
        Assert.Equal(Figure.Of(1), figures.Get("mediana_dias_aceptacion"));
        Assert.Equal(Figure.Of(5), figures.Get("mediana_dias_contrarreferencia"));
        Assert.Equal(Figure.Of(2), figures.Get("jornadas_realizadas"));
        Assert.Equal(Figure.Of(33), figures.Get("personas_atendidas"));
        Assert.Equal(Figure.Of(72.5), figures.Get("representatividad_padron"));
        Assert.Equal(Figure.Of(60), figures.Get("representatividad_asistencia"));
        Assert.Equal(Figure.Of(35), figures.Get("avance_pat"));
        Assert.Equal(Figure.Of(1), figures.Get("brecha_puesto", "salud"));
        Assert.Equal(Figure.Of(40), figures.Get("brecha_demanda_insatisfecha", "salud"));
        Assert.Equal(Figure.Of(2), figures.Get("brecha_puesto", "vivienda"));
        Assert.Equal(Figure.Suppressed, figures.Get("brecha_demanda_insatisfecha", "vivienda"));
        Assert.DoesNotContain("agua", figures.Categories("brecha_puesto"));
    }

    [Fact]
    public async Task A_board_reading_counts_for_the_months_up_to_the_next_one_and_an_empty_month_shows_zeros()
    {
        var next = await MunicipalityMonthAsync(month.Data.Next());
        var before = await MunicipalityMonthAsync(OpenMonth.Of(month.Data.FirstDay.AddMonths(-1)));

        Assert.Equal(Figure.Of(80), next.Get("representatividad_padron"));
        Assert.Equal(Figure.Of(60), next.Get("representatividad_asistencia"));
        Assert.Equal(Figure.Of(35), next.Get("avance_pat"));
        Assert.Equal(Figure.Of(0), next.Get("referencias_enviadas"));
        Assert.Equal(Figure.NoData, next.Get("tasa_ciclo_cerrado"));
        Assert.Equal(Figure.NoData, before.Get("representatividad_padron"));
        Assert.Equal(Figure.NoData, before.Get("avance_pat"));
        Assert.Empty(before.Categories("brecha_puesto"));
    }

    [Fact]
    public async Task An_attacker_with_every_file_of_the_month_cannot_recover_the_withheld_categories()
    {
        // Everything published about the month: the municipality's file, the month's file for everyone, and the CSV.
        var own = await MunicipalityMonthAsync(month.Data);
        var all = await JsonAsync($"/open/v1/meses/{month.Data.Label}.json");
        var inMonthFile = new OpenDataMonth(Assert.Single(all.GetProperty("municipios").EnumerateArray(), m => m.GetProperty("municipio").GetString() == month.Code));
        Assert.Equal(own.Json.GetRawText(), inMonthFile.Json.GetRawText());
        var csv = await Anonymous().GetStringAsync($"/open/v1/municipios/{month.Code}/{month.Data.Label}.csv");
        Assert.Contains($"{month.Data.Label},{month.Code},Villa Abierta,Itapúa,referencias_enviadas,violencia,,suprimido", csv, StringComparison.Ordinal);
        Assert.Contains($"{month.Data.Label},{month.Code},Villa Abierta,Itapúa,referencias_enviadas,salud,20,publicado", csv, StringComparison.Ordinal);

        var threshold = new DisclosureThreshold(5);
        var cohort = own.Cohort();
        var solution = new CohortAttacker(threshold, bound: 40).Solve(cohort, own.Get("mediana_dias_contrarreferencia"));
        var violencia = cohort.Rows.ToList().FindIndex(r => r.Category == "violencia");

        // The truth (1 sent, 0 closed) is among what the attacker finds, and so is much else: it learns only that
        // violencia and educacion share 10 referrals, 5 of them closed.
        Assert.Equal(Enumerable.Range(1, 9), solution.Rows[violencia][CohortAttacker.Cell.Sent]);
        Assert.Equal(Enumerable.Range(0, 6), solution.Rows[violencia][CohortAttacker.Cell.Closed]);
        Assert.True(solution.Rows[violencia][CohortAttacker.Cell.NotClosed].Count > 1);
    }

    [Fact]
    public async Task A_crawler_gets_an_etag_and_a_304_until_a_figure_changes()
    {
        var path = $"/open/v1/municipios/{month.Code}/{month.Data.Label}.json";
        using var first = await Anonymous().GetAsync(path);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal("public, max-age=300", first.Headers.CacheControl?.ToString());
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        Assert.Contains("license", string.Join(",", first.Headers.GetValues("Link")), StringComparison.Ordinal);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await Anonymous().SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        using var head = await Anonymous().SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(etag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        // The CSV of the same month is other bytes, so another tag.
        using var csv = await Anonymous().GetAsync($"/open/v1/municipios/{month.Code}/{month.Data.Label}.csv");
        Assert.NotEqual(etag, csv.Headers.ETag);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);

        // A referral that only moves a withheld count changes no byte: the tag still matches. One that makes the
        // count publishable does, and the old tag no longer matches.
        var quietPath = $"/open/v1/municipios/{month.Quiet}/{month.Data.Label}.json";
        await QuietReferralsAsync(1);
        using var withOne = await Anonymous().GetAsync(quietPath);
        var quietTag = withOne.Headers.ETag!;
        await QuietReferralsAsync(1);
        Assert.Equal(HttpStatusCode.NotModified, (await IfNoneMatchAsync(quietPath, quietTag)).StatusCode);
        await QuietReferralsAsync(3);
        using var changed = await IfNoneMatchAsync(quietPath, quietTag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(quietTag, changed.Headers.ETag);
        Assert.Equal(Figure.Of(5), new OpenDataMonth(Assert.Single(JsonDocument.Parse(await changed.Content.ReadAsStringAsync())
            .RootElement.GetProperty("municipios").EnumerateArray())).Get("referencias_enviadas"));
    }

    private async Task QuietReferralsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await month.Host.PublishAndWaitAsync(new ReferralStory(month.Quiet, month.Mid).Requested() with { NeedCategory = "salud" });
        }
    }

    private async Task<HttpResponseMessage> IfNoneMatchAsync(string path, System.Net.Http.Headers.EntityTagHeaderValue tag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(tag);
        return await Anonymous().SendAsync(request);
    }

    public static TheoryData<string, int, string> BadInput() => new()
    {
        { "/open/v1/meses/2026-13.json", 400, "mes" },
        { "/open/v1/meses/26-01.json", 400, "mes" },
        { "/open/v1/meses/abcd-ef.json", 400, "mes" },
        { "/open/v1/meses/99999999999999999999-01.json", 400, "mes" },
        { "/open/v1/meses/9999-12.csv", 400, "mes" },
        { "/open/v1/meses/1999-12.csv", 400, "mes" },
        { "/open/v1/meses/2024-01.xml", 404, "" },
        { "/open/v1/meses/2024-01", 404, "" },
        { $"/open/v1/municipios/{new string('a', 65)}/2024-01.json", 400, "municipio" },
        { "/open/v1/municipios/no-existe-este/2024-01.json", 404, "" },
        { "/open/v1/municipios/%27%3B--/2024-01.json", 404, "" },
        { "/open/v1/diccionario.txt", 404, "" },
        { "/open/v1/nada/por/aqui", 404, "" },
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
    public async Task An_unknown_code_and_a_registered_one_without_data_differ_only_as_the_public_registry_does()
    {
        var index = await JsonAsync("/open/v1/municipios.json");
        var listed = index.GetProperty("municipios").EnumerateArray().Select(m => m.GetProperty("municipio").GetString()).ToList();
        Assert.Contains(month.Quiet, listed);
        Assert.Contains(month.Data.Label, index.GetProperty("meses").EnumerateArray().Select(m => m.GetString()));

        var quiet = await JsonAsync($"/open/v1/municipios/{month.Quiet}/{OpenMonth.Of(month.Data.FirstDay.AddMonths(-1)).Label}.json");
        var figures = new OpenDataMonth(Assert.Single(quiet.GetProperty("municipios").EnumerateArray()));
        Assert.Equal(Figure.Of(0), figures.Get("referencias_enviadas"));
        Assert.Equal(Figure.Of(0), figures.Get("personas_atendidas"));

        // Seen in referrals but never registered: the read model knows it, the public registry does not, so neither do we.
        var unregistered = TestCodes.Unique("noregistrado");
        await month.Host.PublishAndWaitAsync(new ReferralStory(unregistered, month.Mid).Requested());
        using var unknown = await Anonymous().GetAsync($"/open/v1/municipios/{unregistered}/{month.Data.Label}.json");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain(unregistered, await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var monthFile = await JsonAsync($"/open/v1/meses/{month.Data.Label}.json");
        Assert.DoesNotContain(unregistered, monthFile.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dictionary_describes_every_identifier_printed_and_the_catalog_offers_each_month_under_the_licence()
    {
        var dictionary = await JsonAsync("/open/v1/diccionario.json");
        var described = dictionary.GetProperty("indicadores").EnumerateArray().Select(i => i.GetProperty("identificador").GetString()).ToHashSet();
        var columns = dictionary.GetProperty("columnas").EnumerateArray().Select(i => i.GetProperty("identificador").GetString()).ToList();
        var figures = await MunicipalityMonthAsync(month.Data);
        Assert.All(figures.Figures, f => Assert.Contains(f.GetProperty("indicador").GetString(), described));
        Assert.All(figures.Figures.First().EnumerateObject(), p => Assert.Contains(p.Name, columns));
        Assert.Equal(5, dictionary.GetProperty("umbral_supresion").GetInt32());
        var csvHeader = (await Anonymous().GetStringAsync($"/open/v1/meses/{month.Data.Label}.csv")).Split('\n')[0].TrimEnd('\r');
        Assert.Equal(string.Join(',', columns), csvHeader);

        using var catalogResponse = await Anonymous().GetAsync("/open/v1");
        Assert.Equal("application/ld+json", catalogResponse.Content.Headers.ContentType?.MediaType);
        var catalog = JsonDocument.Parse(await catalogResponse.Content.ReadAsStringAsync()).RootElement;
        var dataset = catalog.GetProperty("dcat:dataset")[0];
        Assert.Equal(["dcat:Dataset", "schema:Dataset"], dataset.GetProperty("@type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", dataset.GetProperty("schema:license").GetProperty("@id").GetString());
        var urls = dataset.GetProperty("schema:distribution").EnumerateArray().Select(d => d.GetProperty("schema:contentUrl").GetString()).ToList();
        Assert.Contains($"/open/v1/meses/{month.Data.Label}.csv", urls);
        Assert.Contains($"/open/v1/meses/{month.Data.Label}.json", urls);
    }

    [Fact]
    public async Task Nothing_printed_is_a_person_key_free_text_or_a_date_finer_than_the_month()
    {
        var text = (await JsonAsync($"/open/v1/meses/{month.Data.Label}.json")).GetRawText()
            + await Anonymous().GetStringAsync($"/open/v1/meses/{month.Data.Label}.csv");

        Assert.DoesNotContain("pk-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("prueba", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", text);
        Assert.DoesNotContain("Compañía", text, StringComparison.Ordinal);
    }
}
