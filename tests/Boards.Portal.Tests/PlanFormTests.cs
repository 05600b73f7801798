using System.Globalization;
using System.Text.Json;
using Boards.Portal.Api;
using Boards.Portal.Plan;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Boards.Portal.Tests;

/// <summary>
/// What the PAT forms send to Planning from what a person typed (guaraníes, decimal commas, dates, indicator rows), how
/// Planning's errors land on the rows the person sees, what a stale version says changed, and the diff in words.
/// </summary>
public sealed class PlanFormTests
{
    private static readonly IStringLocalizer Strings = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(SharedResource));

    [Theory]
    [InlineData("3500000", 3_500_000L)]
    [InlineData("3.500.000", 3_500_000L)]
    [InlineData("Gs. 3.500.000", 3_500_000L)]
    [InlineData(" 3 500 000 ", 3_500_000L)]
    [InlineData("0", 0L)]
    [InlineData("3,5", null)]
    [InlineData("-200", null)]
    [InlineData("tres millones", null)]
    [InlineData("", null)]
    public void Guaranies_are_read_as_Paraguay_writes_them_and_nothing_else(string typed, long? expected) =>
        Assert.Equal(expected, PlanInput.Guaranies(typed));

    [Theory]
    [InlineData("1,5", "1.5")]
    [InlineData("1.5", "1.5")]
    [InlineData("1.234,5", "1234.5")]
    [InlineData("30", "30")]
    [InlineData("treinta", null)]
    public void Decimals_take_a_comma_or_a_point(string typed, string? expected) =>
        Assert.Equal(expected is null ? null : decimal.Parse(expected, CultureInfo.InvariantCulture), PlanInput.Decimal(typed));

    [Fact]
    public void Dates_come_from_a_date_input_or_as_typed_in_Paraguay()
    {
        Assert.Equal(new DateOnly(2026, 3, 1), PlanInput.Date("2026-03-01"));
        Assert.Equal(new DateOnly(2026, 3, 1), PlanInput.Date("01/03/2026"));
        Assert.Null(PlanInput.Date("marzo"));
    }

    [Fact]
    public void An_action_is_sent_with_its_budget_as_a_number_and_without_its_blank_indicator_rows()
    {
        var form = new ActionForm
        {
            ObjectiveId = "0195f1c2-7a3e-7d3c-8f00-000000000001", Title = " Censo ", Horizon = "short_term", ResponsibleInstitution = "mds",
            StartsOn = "2026-03-01", EndsOn = "15/12/2026", Budget = "5.000.000", Weight = "1,5", Version = 4,
            Indicators = [new IndicatorRow(), new IndicatorRow { Name = "Familias", Unit = "familias", Baseline = "0", Target = "120" }, new IndicatorRow()],
        };

        Assert.Equal(
            """{"objectiveId":"0195f1c2-7a3e-7d3c-8f00-000000000001","title":"Censo","horizon":"short_term","responsibleInstitution":"mds","startsOn":"2026-03-01","endsOn":"2026-12-15","budget":5000000,"weight":1.5,"indicators":[{"name":"Familias","unit":"familias","baseline":0,"target":120}],"expectedVersion":4}""",
            JsonSerializer.Serialize(form.Body(withVersion: true)));
        Assert.Contains("\"expectedVersion\":null", JsonSerializer.Serialize(form.Body(withVersion: false)), StringComparison.Ordinal);
        Assert.Equal([1], form.SentRows());
        Assert.Empty(form.Problems());
    }

    [Fact]
    public void A_number_the_page_cannot_read_is_refused_by_the_page_and_not_sent_as_missing()
    {
        var form = new ActionForm { Budget = "tres millones", Weight = "mucho", Indicators = [new IndicatorRow { Name = "x", Target = "cien" }] };

        var refused = PlanInput.Refuse(form.Problems(), key => key);

        Assert.NotNull(refused);
        Assert.Equal(["budget", "indicators[0].target", "weight"], refused!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("PlanEdit.Error.Budget", refused["budget"].Single());
        Assert.Null(PlanInput.Refuse(new ObjectiveForm { Weight = "2" }.Problems(), key => key));
    }

    [Fact]
    public void Plannings_errors_on_the_rows_sent_land_on_the_rows_the_person_sees()
    {
        var errors = new Dictionary<string, string[]> { ["indicators[0].unit"] = ["Indique la unidad"], ["indicators[1].target"] = ["Indique la meta"], ["title"] = ["Indique el título"] };

        var onForm = PlanInput.ToFormRows(errors, "indicators", [1, 3]);

        Assert.Equal(["indicators[1].unit", "indicators[3].target", "title"], onForm.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Plannings_errors_for_fields_the_form_does_not_show_go_into_the_banner()
    {
        var result = new ApiResult<PlanDetailView>
        {
            Outcome = ApiOutcome.Invalid, Status = 400,
            FieldErrors = new Dictionary<string, string[]> { ["title"] = ["Indique el título"], ["indicators[0].unit"] = ["Indique la unidad"], ["expectedVersion"] = ["Indique la versión"] },
        };

        Assert.Equal("Revise los campos marcados. Indique la versión", Spanish(() => PlanFailure.Banner(result, Strings, new NoNavigation(), ActionForm.Fields)));
        Assert.Equal("Revise los campos marcados.", Spanish(() => PlanFailure.Banner(result, Strings, new NoNavigation())));
    }

    [Fact]
    public void A_progress_report_sends_a_reason_and_only_the_indicator_values_typed()
    {
        var form = new ProgressForm
        {
            Status = "in_progress", Progress = "30", Reason = "", Version = 2,
            Values = [new IndicatorValueRow { Name = "Familias", CurrentValue = "" }, new IndicatorValueRow { Name = "Talleres", CurrentValue = "4,5" }],
        };

        Assert.Equal("""{"expectedVersion":2,"status":"in_progress","progress":30,"reason":null,"indicators":[{"name":"Talleres","currentValue":4.5}]}""",
            JsonSerializer.Serialize(form.Body()));
        Assert.Equal([1], form.SentRows());
    }

    [Fact]
    public void An_objective_sends_the_needs_chosen_once_each()
    {
        var need = Guid.Parse("0195f1c2-7a3e-7d3c-8f00-00000000000a");
        var form = new ObjectiveForm
        {
            Title = "Salud", Weight = "2",
            Needs = [new NeedChoice { Id = need.ToString(), Chosen = true }, new NeedChoice { Id = Guid.NewGuid().ToString() }, new NeedChoice { Id = need.ToString(), Chosen = true }],
        };

        Assert.Equal($$"""{"title":"Salud","description":null,"weight":2,"needIds":["{{need}}"],"expectedVersion":null}""", JsonSerializer.Serialize(form.Body(withVersion: false)));
        Assert.True(form.Chose(need));
    }

    [Fact]
    public void A_list_with_no_row_posted_stays_empty_for_the_page()
    {
        // Blazor's form mapper sets a list property to null when the post has none of its rows.
        Assert.Empty(new ObjectiveForm { Needs = null! }.Needs);
        Assert.Empty(new ActionForm { Indicators = null! }.Indicators);
        Assert.Empty(new ProgressForm { Values = null! }.Values);
    }

    [Fact]
    public void A_stale_version_shows_the_fields_that_changed_since_the_page_was_read()
    {
        var read = PlanFacts.Write([new("Título", "Censo"), new("Presupuesto (Gs.)", "Gs. 1.000.000"), new("Estado", "Sin iniciar")]);

        var changes = PlanFacts.Changed(read, [new("Título", "Censo"), new("Presupuesto (Gs.)", "Gs. 2.000.000"), new("Estado", "En curso")]);

        Assert.Equal([new PlanFacts.Change("Presupuesto (Gs.)", "Gs. 1.000.000", "Gs. 2.000.000"), new PlanFacts.Change("Estado", "Sin iniciar", "En curso")], changes);
        Assert.Single(PlanFacts.Changed("no es json", [new("Título", "Censo")]));
    }

    [Fact]
    public void The_diff_is_shown_in_words_names_for_codes_and_Paraguays_numbers() => Spanish(() =>
    {
        var institutions = ApiResult<List<InstitutionView>>.Success([new InstitutionView("mds", "Ministerio de Desarrollo Social")], 200);
        var names = new PlanNames(Strings, institutions);

        Assert.Equal("Gs. 3.500.000", names.DiffValue("budget", "3500000"));
        Assert.Equal("Ministerio de Desarrollo Social", names.DiffValue("responsibleInstitution", "mds"));
        Assert.Equal("corto plazo", names.DiffValue("horizon", "short_term"));
        Assert.Equal("1,5", names.DiffValue("weight", "1.5"));
        Assert.Equal("—", names.DiffValue("description", null));
        Assert.Equal("Presupuesto (Gs.)", names.FieldLabel(new PlanFieldChangeView("budget", "Presupuesto (Gs.)", "1", "2")));
        Assert.Equal("Etiqueta nueva", names.FieldLabel(new PlanFieldChangeView("somethingNew", "Etiqueta nueva", "1", "2")));
        return true;
    });

    /// <summary>Runs <paramref name="test"/> in Paraguay's Spanish, as the portal's default.</summary>
    private static T Spanish<T>(Func<T> test)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("es-PY");
            return test();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    /// <summary>A 400 never navigates.</summary>
    private sealed class NoNavigation : Microsoft.AspNetCore.Components.NavigationManager;
}
