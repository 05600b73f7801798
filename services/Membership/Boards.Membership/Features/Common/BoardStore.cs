using Boards.Membership.Data;

namespace Boards.Membership.Features.Common;

/// <summary>Loads a board with its memberships and focal point terms, checking scope first, and saves with concurrency checks.</summary>
public sealed class BoardStore(MembershipDbContext db)
{
    public MembershipDbContext Db => db;

    public async Task<Board> ReadAsync(string? municipalityCode, Caller caller, CancellationToken ct)
    {
        var code = Input.MunicipalityCode(municipalityCode);
        BoardAccess.EnsureCanRead(caller, code);
        return await Query().AsNoTracking().FirstOrDefaultAsync(b => b.MunicipalityCode == code, ct) ?? throw NotFound(code);
    }

    public async Task<Board> LoadForChangeAsync(string? municipalityCode, long expectedVersion, Caller caller, CancellationToken ct)
    {
        var code = Input.MunicipalityCode(municipalityCode);
        BoardAccess.EnsureCanEdit(caller, code);
        var board = await Query().FirstOrDefaultAsync(b => b.MunicipalityCode == code, ct) ?? throw NotFound(code);
        if (expectedVersion != 0 && expectedVersion != board.Version)
        {
            throw new ConcurrencyConflictException(
                $"La mesa cambió mientras tanto: su versión es {board.Version}, no {expectedVersion}. Vuelva a cargarla.");
        }

        return board;
    }

    public async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Otra persona modificó la mesa al mismo tiempo. Vuelva a cargarla.");
        }
        catch (DbUpdateException exception) when (PostgresErrors.IsUniqueViolation(exception))
        {
            // A concurrent writer won a race the xmin check could not see (a second board, a second open term).
            throw new ConcurrencyConflictException("Otra persona modificó la mesa al mismo tiempo. Vuelva a cargarla.");
        }
    }

    private IQueryable<Board> Query() => db.Boards.Include(b => b.Members).Include(b => b.FocalPointTerms).AsSplitQuery();

    private static NotFoundException NotFound(string code) => new($"El municipio '{code}' no tiene una mesa registrada.");
}
