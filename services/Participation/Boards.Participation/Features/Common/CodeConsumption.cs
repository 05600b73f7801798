using Boards.Participation.Domain;
using Boards.Participation.Domain.Answers;
using Boards.Participation.Domain.Codes;

namespace Boards.Participation.Features.Common;

/// <summary>
/// Finding and using a one-time code. Using it is ONE statement that only an unused, unexpired code passes, so two
/// answers racing with the same code cannot both win, whatever the number of replicas. Unknown, mistyped, used and
/// expired codes all end in the same <see cref="PulseMessages.CodeRefused"/>.
/// </summary>
public sealed class CodeConsumption(ParticipationDbContext db, TimeProvider clock)
{
    /// <summary>Where an answer with this code would count; null when the code cannot be answered (any reason).</summary>
    public async Task<AnswerPlace?> FindAnswerableAsync(string? typed, CancellationToken ct)
    {
        if (OneTimeCode.Normalize(typed) is not { } normalized)
        {
            return null;
        }

        var hash = OneTimeCode.Hash(normalized);
        var today = PulseCalendar.Today(clock.GetUtcNow());
        return await db.Codes.AsNoTracking()
            .Where(c => c.Hash == hash && c.ConsumedOn == null && c.ExpiresOn >= today)
            .Select(c => new AnswerPlace(c.MunicipalityCode, c.Quarter, c.Source, c.AgeBand))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>Marks the code used (the day only); false when another answer used it first or it expired meanwhile. Call inside the answer's transaction.</summary>
    public async Task<bool> ConsumeAsync(string typed, CancellationToken ct)
    {
        var hash = OneTimeCode.Hash(OneTimeCode.Normalize(typed) ?? throw new ArgumentException("Not a code.", nameof(typed)));
        var today = PulseCalendar.Today(clock.GetUtcNow());
        var used = await db.Database.ExecuteSqlAsync(
            $"UPDATE pulse_codes SET consumed_on = {today} WHERE hash = {hash} AND consumed_on IS NULL AND expires_on >= {today}", ct);
        return used == 1;
    }

    public static NotFoundException Refused() => new(PulseMessages.CodeRefused) { Title = PulseMessages.CodeRefusedTitle };
}
