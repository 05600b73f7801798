using Boards.BuildingBlocks.Errors;
using Boards.Monitoring.Domain.EarlyWarnings;
using Boards.Monitoring.Features.Common;
using Boards.ServiceDefaults.Authentication;

namespace Boards.Monitoring.Features.AcknowledgeWarning;

/// <summary>
/// A ministry analyst or administrator marks an open warning as seen, with a note. The warning stays listed (status
/// acknowledged) until its rule stops holding. Checks: role, note, existence, state (the rule:
/// <see cref="EarlyWarning.Acknowledge"/>).
/// </summary>
public sealed class AcknowledgeWarningHandler(MonitoringDbContext db, TimeProvider clock)
{
    public const string NoteField = "note";
    public const int NoteMaxLength = MonitoringLimits.Note;

    /// <summary>Only ministry staff acknowledge. The REST endpoint asks first, before it reads the id and the body.</summary>
    public static void EnsureMayAcknowledge(Caller caller)
    {
        if (!caller.IsMinistry)
        {
            throw new ForbiddenException(MonitoringMessages.OnlyMinistryAcknowledges);
        }
    }

    public async Task<EarlyWarning> HandleAsync(Caller caller, Guid id, string? note, CancellationToken cancellationToken)
    {
        EnsureMayAcknowledge(caller);
        var trimmed = note?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw ValidationFailedException.For(NoteField, MonitoringMessages.NoteRequired);
        }

        if (trimmed.Length > NoteMaxLength)
        {
            throw ValidationFailedException.For(NoteField, MonitoringMessages.NoteTooLong);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var warning = await db.EarlyWarnings
            .FromSqlInterpolated($"SELECT * FROM early_warnings WHERE id = {id} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken) ?? throw MonitoringErrors.UnknownWarning(id);
        if (!warning.IsOpen)
        {
            throw Refused(EarlyWarningStatus.Resolved, MonitoringMessages.WarningResolved);
        }

        if (!warning.Acknowledge(caller.DisplayName, trimmed, clock.GetUtcNow()))
        {
            throw Refused(EarlyWarningStatus.Acknowledged, MonitoringMessages.WarningAlreadyAcknowledged);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return warning;
    }

    private static PreconditionFailedException Refused(string status, string message) =>
        new(PreconditionFailedException.State, status, message) { Title = MonitoringMessages.WarningConflictTitle };
}
