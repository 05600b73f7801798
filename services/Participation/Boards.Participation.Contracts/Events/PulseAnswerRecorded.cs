namespace Boards.Participation.Contracts.Events;

/// <summary>
/// One answer to the pulse, in aggregate-friendly form: where (municipality, quarter, source, age band, channel) and
/// the scores. No code, no hash, no time finer than the quarter, nothing about a person: a consumer can count and
/// average, never single anyone out. AnswerId makes a redelivery harmless.
/// </summary>
public sealed record PulseAnswerRecorded
{
    public required Guid AnswerId { get; init; }
    public required string MunicipalityCode { get; init; }
    /// <summary>"2026-Q4": the slip's quarter (a code-less paper answer: the quarter the focal point gave).</summary>
    public required string Quarter { get; init; }
    public required string Source { get; init; }
    public required string AgeBand { get; init; }
    /// <summary>online or paper (PulseChannels).</summary>
    public required string Channel { get; init; }
    /// <summary>Whether it was answered with a one-time code (paper answers may have none; they are not in the response rate).</summary>
    public required bool WithCode { get; init; }
    /// <summary>Likert items answered (PulseItems), 1–5; an item left blank is absent.</summary>
    public required IReadOnlyDictionary<string, int> Scores { get; init; }
    /// <summary>The share of an endowment (0–100 %) the person would invest in a public good the local government manages; null if blank.</summary>
    public int? EndowmentShare { get; init; }
}
