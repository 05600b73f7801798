using Boards.BuildingBlocks.Api.Limits;

namespace Boards.Membership.Features.UpdateBoard;

/// <summary>The creating act and the chair, as they should read now. Everything optional so validation names every gap.</summary>
public sealed record UpdateBoardCommand
{
    [MaxText(MembershipLimits.ResolutionNumber)]
    public string? ResolutionNumber { get; init; }
    /// <summary>"YYYY-MM-DD".</summary>
    [MaxText(MembershipLimits.Date)]
    public string? ResolutionDate { get; init; }
    [MaxText(MembershipLimits.Name)]
    public string? ChairName { get; init; }
    public ChairRole? ChairRole { get; init; }
    /// <summary>The board's version the caller saw; 0 skips the check.</summary>
    public long ExpectedVersion { get; init; }
}

/// <summary>Records the act that created the board and who chairs it (the mayor or a delegate; chairs change with elections).</summary>
public sealed class UpdateBoardHandler(BoardStore store, TimeProvider clock)
{
    public async Task<Board> HandleAsync(string? municipalityCode, UpdateBoardCommand command, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var number = Input.Text(errors, "resolutionNumber", command.ResolutionNumber, MembershipLimits.ResolutionNumber, "Indique el número de la resolución que creó la mesa.");
        var date = Input.Date(errors, "resolutionDate", command.ResolutionDate, "Indique la fecha de la resolución.");
        var chairName = Input.Text(errors, "chairName", command.ChairName, MembershipLimits.Name, "Indique quién preside la mesa (intendente o delegado).");
        var chairRole = Input.Enum(errors, "chairRole", command.ChairRole, "Indique si preside el intendente (mayor) o un delegado (delegate).");
        Input.ExpectedVersion(errors, command.ExpectedVersion);
        errors.ThrowIfAny();

        var board = await store.LoadForChangeAsync(municipalityCode, command.ExpectedVersion, caller, ct);
        board.UpdateDetails(new CreatingAct(number, date), new Chair(chairName, chairRole), clock.GetUtcNow());
        await store.SaveAsync(ct);
        return board;
    }
}
