namespace Boards.Membership.Domain.Representativity;

/// <summary>The components of the score, in the order they are reported.</summary>
public enum RepresentativityComponentKind
{
    /// <summary>Sectores requeridos presentes: present / required.</summary>
    RequiredSectors = 1,

    /// <summary>Paridad de género: min(w, m) / max(w, m).</summary>
    GenderParity,

    /// <summary>Jóvenes (15–29): min(share / target, 1).</summary>
    Youth,

    /// <summary>Cobertura territorial: rural localities represented / rural localities.</summary>
    TerritorialCoverage,

    /// <summary>Diversidad de sectores: normalized Blau over the 9 sectors.</summary>
    SectorDiversity,

    /// <summary>Equidad de sectores: Shannon evenness over the 9 sectors.</summary>
    SectorEvenness,

    /// <summary>Proporcionalidad: 1 − min(Gallagher / ceiling, 1).</summary>
    Proportionality,

    /// <summary>Captura: 1 − max(0, largest share − limit) / (1 − limit).</summary>
    Capture,
}

public enum RepresentativityFlag
{
    /// <summary>No active voting member (or, attendance-weighted, none attended).</summary>
    EmptyBoard = 1,
    NoSessions,
    RequiredSectorMissing,
    WomenBelowTarget,
    NoWomen,
    NoMen,
    YouthBelowTarget,
    RuralLocalitiesMissing,
    LowSectorDiversity,
    CompositionOffTarget,

    /// <summary>The largest single sector's share is above the capture limit.</summary>
    SectorCapture,

    /// <summary>Local government's share is above the capture limit.</summary>
    LocalGovernmentCapture,
}

/// <summary>One number behind a component, as shown (invariant culture, '.' decimal point).</summary>
public sealed record ComponentInput(string Name, string Label, string Value);

/// <summary>
/// One component: its value, its sub-score in [0, 1], the policy weight, the weight actually applied (after
/// redistributing the weight of components that do not apply) and its contribution to the score in points.
/// Value, SubScore and Weight are rounded to 4 decimals; Contribution = round(Weight × SubScore × 100, 2).
/// </summary>
public sealed record RepresentativityComponent(
    RepresentativityComponentKind Kind,
    string Label,
    string Formula,
    bool Applicable,
    decimal Value,
    decimal SubScore,
    decimal PolicyWeight,
    decimal Weight,
    decimal Contribution,
    IReadOnlyList<ComponentInput> Inputs)
{
    public string Name => Kind.ToString();

    public string? Input(string name) => Inputs.FirstOrDefault(i => i.Name == name)?.Value;
}

/// <summary>How many (weighted) members of each kind were measured.</summary>
public sealed record RepresentativityTally(
    int ActiveVotingMembers,
    decimal Counted,
    decimal Women,
    decimal Men,
    decimal OtherGender,
    decimal Youth,
    decimal Indigenous,
    decimal WithDisability,
    decimal Rural);

/// <summary>
/// The score (0–100, 1 decimal) = round(Σ component contributions, 1), the policy version that produced it, every
/// component with its inputs, the flags and the gaps in plain Spanish.
/// </summary>
public sealed record RepresentativityAssessment(
    AssessmentBasis Basis,
    int PolicyVersion,
    decimal Score,
    int SessionsConsidered,
    RepresentativityTally Tally,
    IReadOnlyList<RepresentativityComponent> Components,
    IReadOnlyList<RepresentativityFlag> Flags,
    IReadOnlyList<string> Gaps)
{
    public RepresentativityComponent Component(RepresentativityComponentKind kind) => Components.Single(c => c.Kind == kind);

    public bool Has(RepresentativityFlag flag) => Flags.Contains(flag);
}
