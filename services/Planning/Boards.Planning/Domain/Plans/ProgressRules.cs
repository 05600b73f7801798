namespace Boards.Planning.Domain.Plans;

/// <summary>The outcome of a status change: the progress to keep and whether it was overridden (with its reason).</summary>
public sealed record ProgressDecision(decimal Progress, bool Overridden, string? Reason);

/// <summary>
/// Each status has a default progress: not_started 0, in_progress 50, done 100; blocked and cancelled keep the progress
/// the action had (a stalled action keeps what it achieved; a cancelled one leaves the roll-up anyway).
/// in_progress and blocked accept another value (0–100) with a reason; not_started, done and cancelled are fixed.
/// </summary>
public static class ProgressRules
{
    public const decimal InProgressDefault = 50m;

    public static decimal? Default(ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => 0m,
        ActionStatus.InProgress => InProgressDefault,
        ActionStatus.Done => 100m,
        _ => null, // keep the last progress
    };

    public static bool AcceptsOverride(ActionStatus status) => status is ActionStatus.InProgress or ActionStatus.Blocked;

    /// <summary>Problems in Spanish, by field (progress, reason); empty when the change is valid.</summary>
    public static IReadOnlyList<(string Field, string Message)> Validate(ActionStatus status, decimal? progress, string? reason)
    {
        var problems = new List<(string, string)>();
        if (progress is null)
        {
            return problems;
        }

        if (!AcceptsOverride(status))
        {
            problems.Add(("progress", $"El avance de una acción '{status.Label()}' es fijo ({Describe(status)}): no lo indique."));
            return problems;
        }

        if (progress is < 0m or > 100m || decimal.Round(progress.Value, 2) != progress)
        {
            problems.Add(("progress", "El avance va de 0 a 100, con hasta 2 decimales."));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            problems.Add(("reason", "Explique por qué el avance no es el del estado (motivo obligatorio al indicar un avance)."));
        }

        return problems;
    }

    public static ProgressDecision Decide(ActionStatus status, decimal currentProgress, decimal? progress, string? reason) =>
        progress is { } given && AcceptsOverride(status)
            ? new ProgressDecision(given, true, reason?.Trim())
            : new ProgressDecision(Default(status) ?? currentProgress, false, null);

    public static string Describe(ActionStatus status) => Default(status) is { } value ? $"{value:0} %" : "conserva el último avance";
}
