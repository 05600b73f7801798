using Boards.BuildingBlocks.Outbox;
using Boards.Participation.Contracts.Events;
using Boards.Participation.Domain.Answers;

namespace Boards.Participation.Features.Common;

/// <summary>
/// Writes an answer and its PulseAnswerRecorded (outbox) together; with a code, the code is used in the same
/// transaction, so an answer exists exactly when its code is spent.
/// </summary>
public sealed class AnswerRecorder(ParticipationDbContext db, CodeConsumption codes, TimeProvider clock)
{
    /// <summary>False when <paramref name="code"/> was given and could not be used (another answer won the race, or it expired).</summary>
    public async Task<bool> RecordAsync(PulseAnswer answer, string? code, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (code is not null && !await codes.ConsumeAsync(code, ct))
        {
            return false;
        }

        db.Answers.Add(answer);
        db.AddToOutbox(new PulseAnswerRecorded
        {
            AnswerId = answer.Id,
            MunicipalityCode = answer.MunicipalityCode,
            Quarter = answer.Quarter,
            Source = answer.Source,
            AgeBand = answer.AgeBand,
            Channel = answer.Channel,
            WithCode = answer.WithCode,
            Scores = new Dictionary<string, int>(answer.Scores),
            EndowmentShare = answer.EndowmentShare,
        }, clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
