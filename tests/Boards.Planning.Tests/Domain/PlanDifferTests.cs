using Boards.Planning.Domain.Versions;

namespace Boards.Planning.Tests.Domain;

public sealed class PlanDifferTests
{
    private static readonly Guid Objective = Guid.NewGuid();

    private static ActionSnapshot Action(Guid id, string title, long budget = 1000, string horizon = "short_term") => new()
    {
        Id = id, ObjectiveId = Objective, Number = 1, Title = title, Horizon = horizon, InstitutionCode = "mds",
        StartsOn = new DateOnly(2026, 3, 1), EndsOn = new DateOnly(2026, 12, 1), Budget = budget, Weight = 1m, Indicators = "",
    };

    private static PlanSnapshot Plan(string title, params ActionSnapshot[] actions) => new()
    {
        Title = title,
        Objectives = [new ObjectiveSnapshot { Id = Objective, Number = 1, Title = "Objetivo", Weight = 1m, NeedIds = [] }],
        Actions = actions,
    };

    [Fact]
    public void Added_removed_and_changed_field_by_field_with_spanish_labels()
    {
        Guid kept = Guid.NewGuid(), removed = Guid.NewGuid(), added = Guid.NewGuid();
        var before = Plan("PAT 2026", Action(kept, "Huertas"), Action(removed, "Ferias"));
        var after = Plan("PAT 2026 (enmendado)", Action(kept, "Huertas", budget: 2000, horizon: "medium_term"), Action(added, "Cocinas"));

        var diff = PlanDiffer.Compare(1, before, 2, after);

        Assert.Equal([("title", "Título del plan")], diff.Plan.Select(f => (f.Field, f.Label)).ToArray());
        Assert.Empty(diff.Objectives);
        Assert.Equal([(kept, "changed"), (added, "added"), (removed, "removed")], diff.Actions.Select(a => (a.Id, a.Change)).ToArray());
        Assert.Equal(
            [new FieldChange("horizon", "Horizonte", "short_term", "medium_term"), new FieldChange("budget", "Presupuesto (Gs.)", "1000", "2000")],
            diff.Actions[0].Fields);
    }

    [Fact]
    public void The_first_version_adds_everything()
    {
        var diff = PlanDiffer.Compare(0, null, 1, Plan("PAT", Action(Guid.NewGuid(), "Huertas")));

        Assert.Equal(["added"], diff.Actions.Select(a => a.Change).ToArray());
        Assert.Equal(["added"], diff.Objectives.Select(a => a.Change).ToArray());
        Assert.Empty(diff.Plan);
    }
}
