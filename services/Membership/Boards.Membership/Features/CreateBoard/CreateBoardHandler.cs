using Boards.BuildingBlocks.Api.Limits;
using Boards.Membership.Features.Representativity;

namespace Boards.Membership.Features.CreateBoard;

/// <summary>Everything optional, so that validation names every missing field instead of the serializer failing on the first.</summary>
public sealed record CreateBoardCommand
{
    [MaxText(MembershipLimits.Code)]
    public string? MunicipalityCode { get; init; }
    [MaxText(MembershipLimits.ResolutionNumber)]
    public string? ResolutionNumber { get; init; }
    /// <summary>"YYYY-MM-DD".</summary>
    [MaxText(MembershipLimits.Date)]
    public string? ResolutionDate { get; init; }
    [MaxText(MembershipLimits.Name)]
    public string? ChairName { get; init; }
    public ChairRole? ChairRole { get; init; }
    /// <summary>Defaults to installed.</summary>
    public BoardStatus? Status { get; init; }
}

/// <summary>Registers the board of a municipality (ministry-admin only). One board per municipality.</summary>
public sealed class CreateBoardHandler(BoardStore store, TimeProvider clock, RepresentativityRecorder representativity)
{
    public async Task<Board> HandleAsync(CreateBoardCommand command, Caller caller, CancellationToken ct)
    {
        BoardAccess.EnsureCanCreate(caller);
        var errors = new FieldErrors();
        var code = Input.Text(errors, "municipalityCode", command.MunicipalityCode, MembershipLimits.Code, "Indique el código del municipio.").ToLowerInvariant();
        var number = Input.Text(errors, "resolutionNumber", command.ResolutionNumber, MembershipLimits.ResolutionNumber, "Indique el número de la resolución que creó la mesa.");
        var date = Input.Date(errors, "resolutionDate", command.ResolutionDate, "Indique la fecha de la resolución.");
        var chairName = Input.Text(errors, "chairName", command.ChairName, MembershipLimits.Name, "Indique quién preside la mesa (intendente o delegado).");
        var chairRole = Input.Enum(errors, "chairRole", command.ChairRole, "Indique si preside el intendente (mayor) o un delegado (delegate).");
        var status = command.Status ?? BoardStatus.Installed;
        if (!Enum.IsDefined(status))
        {
            errors.Add("status", "Estado desconocido.");
        }

        errors.ThrowIfAny();

        var db = store.Db;
        if (!await db.Municipalities.AnyAsync(m => m.Code == code, ct))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["municipalityCode"] = [$"No existe el municipio '{code}'."] });
        }

        if (await db.Boards.AnyAsync(b => b.MunicipalityCode == code, ct))
        {
            throw new BoardRuleException("board_exists", $"El municipio '{code}' ya tiene una mesa registrada.");
        }

        var board = Board.Create(code, new CreatingAct(number, date), new Chair(chairName, chairRole), status, caller.DisplayName, clock.GetUtcNow());
        db.Boards.Add(board);
        // Same SaveChanges: the change, its representativity assessment and RepresentativityAssessed commit together.
        await representativity.RecordAsync(board, ct);
        try
        {
            await store.SaveAsync(ct);
        }
        catch (ConcurrencyConflictException)
        {
            throw new BoardRuleException("board_exists", $"El municipio '{code}' ya tiene una mesa registrada.");
        }

        return board;
    }
}
