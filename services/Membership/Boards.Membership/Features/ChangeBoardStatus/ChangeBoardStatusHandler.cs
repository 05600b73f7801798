using Boards.Membership.Features.Representativity;

namespace Boards.Membership.Features.ChangeBoardStatus;

public sealed record ChangeBoardStatusCommand(BoardStatus? Status, long ExpectedVersion);

/// <summary>installed, active or inactive; the focal point of the municipality or ministry-admin.</summary>
public sealed class ChangeBoardStatusHandler(BoardStore store, TimeProvider clock, RepresentativityRecorder representativity)
{
    public async Task<Board> HandleAsync(string? municipalityCode, ChangeBoardStatusCommand command, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var status = Input.Enum(errors, "status", command.Status, "Indique el estado: installed, active o inactive.");
        Input.ExpectedVersion(errors, command.ExpectedVersion);
        errors.ThrowIfAny();

        var board = await store.LoadForChangeAsync(municipalityCode, command.ExpectedVersion, caller, ct);
        board.ChangeStatus(status, clock.GetUtcNow());
        // Same SaveChanges: the change, its representativity assessment and RepresentativityAssessed commit together.
        await representativity.RecordAsync(board, ct);
        await store.SaveAsync(ct);
        return board;
    }
}
