namespace Boards.Monitoring.Domain.Pulse;

/// <summary>
/// The pulse of the quarters a national table's period overlaps (docs/monitoring.md, "Filters and reports"): the trust
/// answers and their sum on the 0–100 scale, the answers with a code and the slips printed. Kept as sums so that rows
/// add up to a department's or the nation's figure exactly (a mean of means would weigh a municipality of 3 answers
/// like one of 300).
/// </summary>
public sealed record PeriodPulse(int TrustAnswers, double TrustSum, int AnswersWithCode, int SlipsPrinted)
{
    public static readonly PeriodPulse None = new(0, 0, 0, 0);

    /// <summary>The trust index (0–100) over every trust answer of those quarters, with its n.</summary>
    public Measure Trust => Measure.Of(TrustAnswers == 0 ? null : TrustSum / TrustAnswers, TrustAnswers);

    /// <summary>Answers with a code ÷ slips printed in those quarters, in %; null without slips.</summary>
    public decimal? ResponseRate => PulseIndices.Rate(AnswersWithCode, SlipsPrinted);

    public PeriodPulse Add(PeriodPulse other) => new(
        TrustAnswers + other.TrustAnswers, TrustSum + other.TrustSum, AnswersWithCode + other.AnswersWithCode, SlipsPrinted + other.SlipsPrinted);

    /// <summary>
    /// The pulse's quarters ("2026-Q1") that a period of whole months overlaps: a month its quarter, a quarter itself, a
    /// year its four; null (every quarter) for all time.
    /// </summary>
    public static IReadOnlyList<string>? Quarters(ReportPeriod? period) => period?.Months
        .Select(month => $"{month.Year:D4}-Q{(month.Month - 1) / 3 + 1}")
        .Distinct()
        .ToList();
}
