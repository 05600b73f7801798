using static Boards.Portal.Plan.PlanInput;

namespace Boards.Portal.Plan;

/// <summary>The codes the plan's forms choose from, as Planning accepts them (docs/planning.md).</summary>
public static class PlanCodes
{
    public static readonly string[] Horizons = ["immediate", "short_term", "medium_term", "long_term"];

    public static readonly string[] ActionStatuses = ["not_started", "in_progress", "done", "blocked", "cancelled"];

    /// <summary>Indicators of one action (Planning's PlanningLimits.Indicators).</summary>
    public const int MaxIndicators = 20;
}

/// <summary>The year's plan to open; without a title Planning names it "Plan de Acción Territorial &lt;year&gt;".</summary>
public sealed class CreatePlanForm
{
    public string? Title { get; set; }
    public int Year { get; set; }

    public object Body(string municipality) => new { municipalityCode = municipality, year = Year, title = Text(Title) };
}

public sealed class NeedChoice
{
    public string? Id { get; set; }
    public bool Chosen { get; set; }
}

/// <summary>An objective as typed: its needs are one checkbox each (hidden id + chosen), so the rows never have gaps.</summary>
public sealed class ObjectiveForm
{
    /// <summary>The fields the form shows Planning's errors next to.</summary>
    public static readonly string[] Fields = ["title", "description", "weight", "needIds"];

    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Weight { get; set; }
    /// <summary>The form mapper sets null when no row was posted (no prioritized needs): kept as an empty list.</summary>
    public List<NeedChoice> Needs { get; set => field = value ?? []; } = [];
    public long Version { get; set; }
    /// <summary>The objective as the person read it (<see cref="PlanFacts"/>), to say what changed if someone else saved first.</summary>
    public string? Read { get; set; }

    public static ObjectiveForm From(PlanObjectiveView o) => new()
    {
        Title = o.Title, Description = o.Description, Weight = Typed(o.Weight), Version = o.Version,
        Needs = o.Needs.Select(n => new NeedChoice { Id = n.NeedId.ToString(), Chosen = true }).ToList(),
    };

    public bool Chose(Guid need) => Needs.Any(n => n.Chosen && Id(n.Id) == need);

    public IEnumerable<Problem> Problems() => Check("weight", Weight, t => Decimal(t), "PlanEdit.Error.Weight");

    public object Body(bool withVersion) => new
    {
        title = Text(Title),
        description = Text(Description),
        weight = Decimal(Weight),
        needIds = Needs.Where(n => n.Chosen).Select(n => Id(n.Id)).OfType<Guid>().Distinct().ToList(),
        expectedVersion = withVersion ? Version : (long?)null,
    };
}

public sealed class IndicatorRow
{
    public string? Name { get; set; }
    public string? Unit { get; set; }
    public string? Baseline { get; set; }
    public string? Target { get; set; }

    public bool IsBlank => Text(Name) is null && Text(Unit) is null && Text(Baseline) is null && Text(Target) is null;
}

/// <summary>An action as typed: budget in guaraníes and weight as text (read here), indicators as rows; blank rows are not sent.</summary>
public sealed class ActionForm
{
    /// <summary>The fields the form shows Planning's errors next to.</summary>
    public static readonly string[] Fields =
        ["objectiveId", "title", "horizon", "responsibleInstitution", "startsOn", "endsOn", "budget", "weight", "indicators"];

    public string? ObjectiveId { get; set; }
    public string? Title { get; set; }
    public string? Horizon { get; set; }
    public string? ResponsibleInstitution { get; set; }
    public string? StartsOn { get; set; }
    public string? EndsOn { get; set; }
    public string? Budget { get; set; }
    public string? Weight { get; set; }
    /// <summary>The form mapper sets null when no row was posted: kept as an empty list.</summary>
    public List<IndicatorRow> Indicators { get; set => field = value ?? []; } = [];
    public long Version { get; set; }
    public string? Read { get; set; }

    public static ActionForm From(PlanActionView a) => new()
    {
        ObjectiveId = a.ObjectiveId.ToString(), Title = a.Title, Horizon = a.Horizon, ResponsibleInstitution = a.ResponsibleInstitution,
        StartsOn = IsoDate(a.StartsOn), EndsOn = IsoDate(a.EndsOn), Budget = a.Budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Weight = Typed(a.Weight), Version = a.Version,
        Indicators = (a.Indicators ?? []).Select(i => new IndicatorRow { Name = i.Name, Unit = i.Unit, Baseline = Typed(i.Baseline), Target = Typed(i.Target) }).ToList(),
    };

    /// <summary>One empty row to add an indicator, while there is room.</summary>
    public void AddBlankIndicator()
    {
        if (Indicators.Count < PlanCodes.MaxIndicators && (Indicators.Count == 0 || !Indicators[^1].IsBlank))
        {
            Indicators.Add(new IndicatorRow());
        }
    }

    /// <summary>The rows sent, by their place in the form (for <see cref="PlanInput.ToFormRows"/>).</summary>
    public IReadOnlyList<int> SentRows() => Indicators.Select((row, index) => (row, index)).Where(r => !r.row.IsBlank).Select(r => r.index).ToList();

    public IEnumerable<Problem> Problems() =>
        Check("budget", Budget, t => Guaranies(t), "PlanEdit.Error.Budget")
            .Concat(Check("weight", Weight, t => Decimal(t), "PlanEdit.Error.Weight"))
            .Concat(Check("startsOn", StartsOn, t => Date(t), "PlanEdit.Error.Date"))
            .Concat(Check("endsOn", EndsOn, t => Date(t), "PlanEdit.Error.Date"))
            .Concat(Indicators.SelectMany((row, i) =>
                Check($"indicators[{i}].baseline", row.Baseline, t => Decimal(t), "PlanEdit.Error.Number")
                    .Concat(Check($"indicators[{i}].target", row.Target, t => Decimal(t), "PlanEdit.Error.Number"))));

    public object Body(bool withVersion) => new
    {
        objectiveId = Id(ObjectiveId),
        title = Text(Title),
        horizon = Text(Horizon),
        responsibleInstitution = Text(ResponsibleInstitution),
        startsOn = Date(StartsOn),
        endsOn = Date(EndsOn),
        budget = Guaranies(Budget),
        weight = Decimal(Weight),
        indicators = Indicators.Where(r => !r.IsBlank)
            .Select(r => new { name = Text(r.Name), unit = Text(r.Unit), baseline = Decimal(r.Baseline), target = Decimal(r.Target) }).ToList(),
        expectedVersion = withVersion ? Version : (long?)null,
    };
}

public sealed class IndicatorValueRow
{
    public string? Name { get; set; }
    public string? CurrentValue { get; set; }
}

/// <summary>
/// A progress report: the status, optionally a progress other than the status's (then with a reason), and the indicators'
/// current values (an empty one is not sent).
/// </summary>
public sealed class ProgressForm
{
    /// <summary>The fields the form shows Planning's errors next to.</summary>
    public static readonly string[] Fields = ["status", "progress", "reason", "indicators"];

    public string? Status { get; set; }
    public string? Progress { get; set; }
    public string? Reason { get; set; }
    /// <summary>The form mapper sets null when no row was posted (an action without indicators): kept as an empty list.</summary>
    public List<IndicatorValueRow> Values { get; set => field = value ?? []; } = [];
    public long Version { get; set; }
    public string? Read { get; set; }

    public static ProgressForm From(PlanActionView a) => new()
    {
        Status = a.Status, Version = a.Version,
        Values = (a.Indicators ?? []).Select(i => new IndicatorValueRow { Name = i.Name, CurrentValue = Typed(i.CurrentValue) }).ToList(),
    };

    public IReadOnlyList<int> SentRows() => Values.Select((row, index) => (row, index)).Where(r => Text(r.row.CurrentValue) is not null).Select(r => r.index).ToList();

    public IEnumerable<Problem> Problems() =>
        Check("progress", Progress, t => Decimal(t), "PlanEdit.Error.Number")
            .Concat(Values.SelectMany((row, i) => Check($"indicators[{i}].currentValue", row.CurrentValue, t => Decimal(t), "PlanEdit.Error.Number")));

    public object Body() => new
    {
        expectedVersion = Version,
        status = Text(Status),
        progress = Decimal(Progress),
        reason = Text(Reason),
        indicators = Values.Where(v => Text(v.CurrentValue) is not null).Select(v => new { name = Text(v.Name), currentValue = Decimal(v.CurrentValue) }).ToList(),
    };
}

/// <summary>Removing an objective or an action names the version the person read.</summary>
public sealed class RemoveForm
{
    public long Version { get; set; }
    public string? Read { get; set; }

    public object Body() => new { expectedVersion = Version };
}

/// <summary>Approval names the board's session and the plan's revision the board read; an amendment, the revision.</summary>
public sealed class ApproveForm
{
    public string? SessionId { get; set; }
    public long Revision { get; set; }

    public object Body() => new { sessionId = Id(SessionId), expectedRevision = Revision };
}

public sealed class AmendForm
{
    public long Revision { get; set; }

    public object Body() => new { expectedRevision = Revision };
}

/// <summary>A proposal accepted into an objective: title, institution and dates come from the agreement.</summary>
public sealed class AcceptProposalForm
{
    /// <summary>The fields the form shows Planning's errors next to.</summary>
    public static readonly string[] Fields = ["objectiveId", "horizon", "budget", "weight", "responsibleInstitution", "endsOn"];

    public string? ObjectiveId { get; set; }
    public string? Horizon { get; set; }
    public string? Budget { get; set; }
    public string? Weight { get; set; }
    public long Version { get; set; }

    public IEnumerable<Problem> Problems() =>
        Check("budget", Budget, t => Guaranies(t), "PlanEdit.Error.Budget").Concat(Check("weight", Weight, t => Decimal(t), "PlanEdit.Error.Weight"));

    public object Body(Guid plan) => new
    {
        planId = plan, objectiveId = Id(ObjectiveId), horizon = Text(Horizon), budget = Guaranies(Budget), weight = Decimal(Weight), expectedVersion = Version,
    };
}

public sealed class DismissProposalForm
{
    public string? Reason { get; set; }
    public long Version { get; set; }

    public object Body() => new { reason = Text(Reason), expectedVersion = Version };
}
