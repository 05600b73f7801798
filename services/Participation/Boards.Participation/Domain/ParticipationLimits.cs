namespace Boards.Participation.Domain;

/// <summary>
/// The longest text and the largest numbers of each field of a Participation request: the REST attributes, the
/// validators and the database columns use these numbers (docs/pulse.md lists them).
/// </summary>
public static class ParticipationLimits
{
    /// <summary>Municipality codes.</summary>
    public const int Code = 64;
    /// <summary>A one-time code as typed: 12 symbols, with room for dashes and spaces.</summary>
    public const int TypedCode = 32;
    /// <summary>The code of a value of a closed list (source, age band, channel).</summary>
    public const int Choice = 32;
    /// <summary>"2026-Q4".</summary>
    public const int Quarter = 7;
    /// <summary>Who issued slips or typed in a paper answer (the token's display name).</summary>
    public const int UserName = 200;
    /// <summary>Slips printed at once (a service day's or a board session's pile).</summary>
    public const int SlipsPerBatch = 200;
    public const int LikertMin = 1;
    public const int LikertMax = 5;
    public const int ShareMin = 0;
    public const int ShareMax = 100;
    /// <summary>Batches one list returns.</summary>
    public const int MaxPageSize = 200;
}
