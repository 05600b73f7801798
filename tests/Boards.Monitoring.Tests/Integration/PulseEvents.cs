using Boards.Participation.Contracts.Events;

namespace Boards.Monitoring.Tests.Integration;

/// <summary>Participation's pulse events, as it publishes them, for tests that need answers and slips in Monitoring.</summary>
public static class PulseEvents
{
    /// <summary>A person's answer (trust_board) or, for <c>board_session</c>, a member's (trust_institutions, could_speak).</summary>
    public static PulseAnswerRecorded Answer(
        string code, string quarter, int? trust, string ageBand = "unknown", int? share = null, string source = "counter_referral",
        int? couldSpeak = null, bool withCode = true)
    {
        var scores = new Dictionary<string, int>();
        if (trust is { } t)
        {
            scores[source == "board_session" ? "trust_institutions" : "trust_board"] = t;
        }

        if (couldSpeak is { } c)
        {
            scores["could_speak"] = c;
        }

        return new PulseAnswerRecorded
        {
            AnswerId = Guid.NewGuid(), MunicipalityCode = code, Quarter = quarter, Source = source, AgeBand = ageBand,
            Channel = withCode ? "online" : "paper", WithCode = withCode, Scores = scores, EndowmentShare = share,
        };
    }

    public static PulseCodesIssued Slips(string code, string quarter, int count, string ageBand = "unknown", string source = "counter_referral") => new()
    {
        BatchId = Guid.CreateVersion7(), MunicipalityCode = code, Quarter = quarter, Source = source, AgeBand = ageBand, Count = count,
        OccurredAt = DateTimeOffset.UtcNow,
    };
}
