namespace Boards.Planning.Domain;

/// <summary>
/// The longest text and the most elements of each field of a Planning request: the REST attributes, the proto
/// annotations, the validators and the database columns use these numbers (docs/planning.md lists them).
/// </summary>
public static class PlanningLimits
{
    /// <summary>Municipality and institution codes.</summary>
    public const int Code = 64;
    /// <summary>Plan, objective, action and agreement ids (GUIDs, with room).</summary>
    public const int Id = 64;
    /// <summary>The code of a value of a closed list (horizon, action status).</summary>
    public const int Choice = 16;
    public const int PlanTitle = 200;
    /// <summary>The title of an objective or an action.</summary>
    public const int Title = 300;
    public const int Description = 2000;
    /// <summary>Why a progress differs from its status's default, or why an agreement is dismissed.</summary>
    public const int Reason = 1000;
    public const int IndicatorName = 200;
    public const int IndicatorUnit = 50;
    /// <summary>Indicators of one action.</summary>
    public const int Indicators = 20;
    /// <summary>Prioritized needs one objective answers.</summary>
    public const int NeedIds = 100;
}
