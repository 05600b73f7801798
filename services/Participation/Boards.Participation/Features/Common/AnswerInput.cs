using Boards.BuildingBlocks.Api.Limits;
using Boards.Participation.Contracts.Pulse;
using Boards.Participation.Domain;
using Boards.Participation.Domain.Answers;

namespace Boards.Participation.Features.Common;

/// <summary>
/// The answers, one property per question (PulseItems): 1–5, or the share 0–100; null leaves a question blank. The
/// person's pulse uses the first three, the members' session rating the next three; both the endowment share.
/// </summary>
public record AnswerInput
{
    [Between(ParticipationLimits.LikertMin, ParticipationLimits.LikertMax)]
    public int? GotWhatCameFor { get; init; }

    [Between(ParticipationLimits.LikertMin, ParticipationLimits.LikertMax)]
    public int? TreatedWell { get; init; }

    [Between(ParticipationLimits.LikertMin, ParticipationLimits.LikertMax)]
    public int? TrustBoard { get; init; }

    [Between(ParticipationLimits.LikertMin, ParticipationLimits.LikertMax)]
    public int? CouldSpeak { get; init; }

    [Between(ParticipationLimits.LikertMin, ParticipationLimits.LikertMax)]
    public int? AgreementsClear { get; init; }

    [Between(ParticipationLimits.LikertMin, ParticipationLimits.LikertMax)]
    public int? TrustInstitutions { get; init; }

    [Between(ParticipationLimits.ShareMin, ParticipationLimits.ShareMax)]
    public int? EndowmentShare { get; init; }

    public PulseScores ToScores()
    {
        var likert = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string item, int? value)
        {
            if (value is { } score)
            {
                likert[item] = score;
            }
        }

        Add(PulseItems.GotWhatCameFor, GotWhatCameFor);
        Add(PulseItems.TreatedWell, TreatedWell);
        Add(PulseItems.TrustBoard, TrustBoard);
        Add(PulseItems.CouldSpeak, CouldSpeak);
        Add(PulseItems.AgreementsClear, AgreementsClear);
        Add(PulseItems.TrustInstitutions, TrustInstitutions);
        return new PulseScores(likert, EndowmentShare);
    }

    /// <summary>The JSON name of an item's property (got_what_came_for → gotWhatCameFor), for field errors.</summary>
    public static string FieldOf(string item)
    {
        var parts = item.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    /// <summary>Range (also checked by the attributes), at least one answer, only the questionnaire's questions.</summary>
    public static void Check(PulseScores scores, string source, FieldErrors errors)
    {
        if (scores.IsEmpty)
        {
            errors.Add("answers", PulseMessages.NothingAnswered);
        }

        foreach (var item in scores.ForeignItems(source))
        {
            errors.Add(FieldOf(item), PulseMessages.NotAsked(item));
        }

        foreach (var (item, score) in scores.Likert.Where(s => s.Value is < ParticipationLimits.LikertMin or > ParticipationLimits.LikertMax))
        {
            errors.Add(FieldOf(item), $"Debe estar entre {ParticipationLimits.LikertMin} y {ParticipationLimits.LikertMax}.");
        }

        if (scores.EndowmentShare is < ParticipationLimits.ShareMin or > ParticipationLimits.ShareMax)
        {
            errors.Add("endowmentShare", $"Debe estar entre {ParticipationLimits.ShareMin} y {ParticipationLimits.ShareMax}.");
        }
    }
}
