namespace Boards.Planning.Domain.Plans;

/// <summary>
/// An objective of a plan, linked to prioritized needs of the same municipality. Removed in a draft, it is kept
/// (RemovedAt). Changed only through its <see cref="Plan"/>, which checks that the plan is a draft.
/// </summary>
public sealed class Objective
{
    private Objective()
    {
    }

    public Guid Id { get; private init; }
    public Guid PlanId { get; private init; }
    public int Number { get; private init; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public decimal Weight { get; private set; } = 1m;
    public List<Guid> NeedIds { get; private set; } = [];
    public long Version { get; private set; } = 1;
    public DateTimeOffset? RemovedAt { get; private set; }

    internal static Objective Create(Guid planId, int number, ObjectiveDefinition definition)
    {
        var objective = new Objective { Id = Guid.CreateVersion7(), PlanId = planId, Number = number };
        objective.Apply(definition);
        return objective;
    }

    internal void Redefine(ObjectiveDefinition definition)
    {
        Apply(definition);
        Version++;
    }

    internal void Remove(DateTimeOffset now)
    {
        RemovedAt = now;
        Version++;
    }

    private void Apply(ObjectiveDefinition definition)
    {
        Title = definition.Title;
        Description = definition.Description;
        Weight = definition.Weight;
        NeedIds = definition.NeedIds;
    }
}
