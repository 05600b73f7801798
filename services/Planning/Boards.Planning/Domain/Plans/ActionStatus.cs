namespace Boards.Planning.Domain.Plans;

public enum ActionStatus
{
    NotStarted,
    InProgress,
    Done,
    Blocked,
    Cancelled,
}

public static class ActionStatuses
{
    public static readonly IReadOnlyDictionary<string, ActionStatus> ByCode = new Dictionary<string, ActionStatus>(StringComparer.Ordinal)
    {
        ["not_started"] = ActionStatus.NotStarted,
        ["in_progress"] = ActionStatus.InProgress,
        ["done"] = ActionStatus.Done,
        ["blocked"] = ActionStatus.Blocked,
        ["cancelled"] = ActionStatus.Cancelled,
    };

    public static string Code(this ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => "not_started",
        ActionStatus.InProgress => "in_progress",
        ActionStatus.Done => "done",
        ActionStatus.Blocked => "blocked",
        _ => "cancelled",
    };

    public static string Label(this ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => "Sin iniciar",
        ActionStatus.InProgress => "En ejecución",
        ActionStatus.Done => "Cumplida",
        ActionStatus.Blocked => "Bloqueada",
        _ => "Cancelada",
    };

    /// <summary>Done and cancelled actions are never overdue.</summary>
    public static bool IsClosed(this ActionStatus status) => status is ActionStatus.Done or ActionStatus.Cancelled;
}
