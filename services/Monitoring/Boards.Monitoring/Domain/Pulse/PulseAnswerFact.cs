namespace Boards.Monitoring.Domain.Pulse;

/// <summary>
/// One answer to the trust and participation pulse, from Participation's PulseAnswerRecorded: where it counts and its
/// scores, one row per answer id (a redelivery counts once). No time but the quarter, nothing about a person.
/// </summary>
public sealed class PulseAnswerFact
{
    private PulseAnswerFact()
    {
        Code = "";
        Quarter = "";
        Source = "";
        AgeBand = "";
        Channel = "";
    }

    public Guid AnswerId { get; private set; }
    public string Code { get; private set; }
    public string Quarter { get; private set; }
    public string Source { get; private set; }
    public string AgeBand { get; private set; }
    public string Channel { get; private set; }
    public bool WithCode { get; private set; }
    public int? GotWhatCameFor { get; private set; }
    public int? TreatedWell { get; private set; }
    public int? TrustBoard { get; private set; }
    public int? CouldSpeak { get; private set; }
    public int? AgreementsClear { get; private set; }
    public int? TrustInstitutions { get; private set; }
    public int? EndowmentShare { get; private set; }

    public static PulseAnswerFact From(
        Guid answerId, string code, string quarter, string source, string ageBand, string channel, bool withCode,
        IReadOnlyDictionary<string, int> scores, int? endowmentShare)
    {
        int? Score(string item) => scores.TryGetValue(item, out var s) && s is >= 1 and <= 5 ? s : null;
        return new PulseAnswerFact
        {
            AnswerId = answerId,
            Code = code,
            Quarter = quarter,
            Source = source,
            AgeBand = ageBand,
            Channel = channel,
            WithCode = withCode,
            GotWhatCameFor = Score("got_what_came_for"),
            TreatedWell = Score("treated_well"),
            TrustBoard = Score("trust_board"),
            CouldSpeak = Score("could_speak"),
            AgreementsClear = Score("agreements_clear"),
            TrustInstitutions = Score("trust_institutions"),
            EndowmentShare = endowmentShare is >= 0 and <= 100 ? endowmentShare : null,
        };
    }
}

/// <summary>One printing of slips (PulseCodesIssued): the denominator of the response rate.</summary>
public sealed class PulseSlipBatch
{
    private PulseSlipBatch()
    {
        Code = "";
        Quarter = "";
        Source = "";
        AgeBand = "";
    }

    public Guid BatchId { get; private set; }
    public string Code { get; private set; }
    public string Quarter { get; private set; }
    public string Source { get; private set; }
    public string AgeBand { get; private set; }
    public int Count { get; private set; }

    public static PulseSlipBatch From(Guid batchId, string code, string quarter, string source, string ageBand, int count) => new()
    {
        BatchId = batchId,
        Code = code,
        Quarter = quarter,
        Source = source,
        AgeBand = ageBand,
        Count = count,
    };
}
