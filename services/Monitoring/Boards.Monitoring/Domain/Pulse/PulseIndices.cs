namespace Boards.Monitoring.Domain.Pulse;

/// <summary>
/// A mean on the 0–100 scale and the number of answers behind it (null mean when there are none). <see cref="Lowest"/>
/// and <see cref="Highest"/> are the extreme answers behind it, when read: the open data needs to know whether every
/// answer sits at one end of the scale (docs/open-data.md, "The pulse"); they are never published.
/// </summary>
public sealed record Measure(decimal? Value, int Answers)
{
    public static readonly Measure None = new(null, 0);

    public double? Lowest { get; init; }

    public double? Highest { get; init; }

    public static Measure Of(double? mean, int answers) =>
        answers == 0 || mean is null ? new Measure(null, answers) : new Measure(Math.Round((decimal)mean.Value, 1, MidpointRounding.AwayFromZero), answers);

    public static Measure Of(double? mean, int answers, double? lowest, double? highest) =>
        Of(mean, answers) with { Lowest = answers == 0 ? null : lowest, Highest = answers == 0 ? null : highest };
}

/// <summary>The endowment share (0–100 %) and the trust index of one age band.</summary>
public sealed record AgeBandReading(string AgeBand, Measure EndowmentShare, Measure Trust);

/// <summary>
/// The pulse of one municipality in one quarter (docs/pulse.md, "Indices"):
/// trust index = mean of the trust items (trust_board, trust_institutions), a 1–5 score s as (s − 1) × 25;
/// participation = the response rate (answers with a code ÷ slips printed, %) and members' voice (could_speak, 0–100);
/// the endowment share (0–100 %) overall and by age band. Every figure carries its number of answers.
/// </summary>
public sealed record PulseIndices(
    string Code,
    string Quarter,
    int Answers,
    int PaperAnswers,
    Measure Trust,
    int SlipsPrinted,
    int AnswersWithCode,
    decimal? ResponseRate,
    Measure CouldSpeak,
    Measure EndowmentShare,
    IReadOnlyList<AgeBandReading> ByAgeBand)
{
    public static decimal? Rate(int answersWithCode, int slips) =>
        slips == 0 ? null : Math.Round(100m * answersWithCode / slips, 1, MidpointRounding.AwayFromZero);
}
