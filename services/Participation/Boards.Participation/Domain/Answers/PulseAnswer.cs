using Boards.Participation.Contracts.Pulse;

namespace Boards.Participation.Domain.Answers;

/// <summary>Where an answer counts: the code's (or, on paper without a code, the focal point's) municipality, quarter, source and age band.</summary>
public sealed record AnswerPlace(string MunicipalityCode, string Quarter, string Source, string AgeBand);

/// <summary>
/// One answer to the pulse. Deliberately poor in detail: a random id (not time-ordered), no time finer than the
/// quarter, no code or hash, no free text. A paper answer keeps who typed it in (the focal point, not the respondent).
/// </summary>
public sealed class PulseAnswer
{
    private PulseAnswer()
    {
        MunicipalityCode = "";
        Quarter = "";
        Source = "";
        AgeBand = "";
        Channel = "";
        Scores = [];
    }

    public Guid Id { get; private set; }
    public string MunicipalityCode { get; private set; }
    public string Quarter { get; private set; }
    public string Source { get; private set; }
    public string AgeBand { get; private set; }
    public string Channel { get; private set; }
    public bool WithCode { get; private set; }
    /// <summary>Likert items answered (1–5), by PulseItems key.</summary>
    public Dictionary<string, int> Scores { get; private set; }
    public int? EndowmentShare { get; private set; }
    public string? RecordedBy { get; private set; }

    public static PulseAnswer Online(AnswerPlace place, PulseScores scores) => Create(place, scores, PulseChannels.Online, withCode: true, recordedBy: null);

    public static PulseAnswer Paper(AnswerPlace place, PulseScores scores, bool withCode, string recordedBy) =>
        Create(place, scores, PulseChannels.Paper, withCode, recordedBy.Length > ParticipationLimits.UserName ? recordedBy[..ParticipationLimits.UserName] : recordedBy);

    private static PulseAnswer Create(AnswerPlace place, PulseScores scores, string channel, bool withCode, string? recordedBy)
    {
        if (!scores.FitsSource(place.Source))
        {
            throw new ArgumentException($"The scores do not belong to the {place.Source} questionnaire.", nameof(scores));
        }

        return new PulseAnswer
        {
            // Random, not UUIDv7: an id must not tell when the answer came (docs/pulse.md, "Anonymity").
            Id = Guid.NewGuid(),
            MunicipalityCode = place.MunicipalityCode,
            Quarter = place.Quarter,
            Source = place.Source,
            AgeBand = place.AgeBand,
            Channel = channel,
            WithCode = withCode,
            Scores = new Dictionary<string, int>(scores.Likert, StringComparer.Ordinal),
            EndowmentShare = scores.EndowmentShare,
            RecordedBy = recordedBy,
        };
    }
}
