namespace Boards.Planning.Domain.Plans;

public enum PlanStatus
{
    /// <summary>Being written (version 1) or amended (version 2, 3, …): structure can change.</summary>
    Draft,
    /// <summary>Approved by the board in a session: structure locked, execution tracked.</summary>
    Approved,
}

/// <summary>
/// The territorial action plan (PAT) of one municipality for one year. Version is the plan's version number (1 as first
/// approved, n+1 for each amendment); Revision grows with every structural change and is what an approval names
/// (expectedRevision), so the board approves the text it saw.
/// </summary>
public sealed class Plan
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string MunicipalityCode { get; init; }
    public required int Year { get; init; }
    public required string Title { get; set; }
    public PlanStatus Status { get; set; }
    public int Version { get; set; } = 1;
    public long Revision { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public Guid? ApprovedSessionId { get; set; }
    public List<Objective> Objectives { get; init; } = [];
    public List<PlanAction> Actions { get; init; } = [];

    public IEnumerable<Objective> CurrentObjectives => Objectives.Where(o => o.RemovedAt is null).OrderBy(o => o.Number);

    public IEnumerable<PlanAction> CurrentActions => Actions.Where(a => a.RemovedAt is null).OrderBy(a => a.Number);
}
