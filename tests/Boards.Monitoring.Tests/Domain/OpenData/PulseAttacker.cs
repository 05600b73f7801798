using Boards.Monitoring.Domain.OpenData;

namespace Boards.Monitoring.Tests.Domain.OpenData;

/// <summary>
/// An attacker who holds everything published about one mean of the pulse broken down by age band — the whole's n and
/// mean, and each band's n and mean or their withheld status — and solves for what was withheld exactly. It knows that
/// the bands' answers add up to the whole's, that a withheld band listed beside a published whole has at least one
/// answer, that every answer is a point of the scale (a multiple of <c>step</c> from 0 to 100: 25 for the 1–5 items on
/// 0–100, 1 for the endowment share), and that a published mean was rounded to one decimal. For each withheld band it
/// returns every n that some complete set of answers consistent with all of that gives it, and the range of its mean;
/// <see cref="BandSolution.MeanPinned"/> says whether that mean has a single possible value. Where nothing published
/// bounds an n (a withheld whole), it searches up to <c>bound</c>.
/// </summary>
public sealed class PulseAttacker(int step, int bound)
{
    public sealed record BandSolution(SortedSet<int> Answers, decimal LowestMean, decimal HighestMean, bool MeanPinned);

    public sealed record Solution(SortedSet<int> WholeAnswers, IReadOnlyDictionary<string, BandSolution> Withheld);

    public Solution Solve(PublishedBreakdown published)
    {
        if (published.Overall.Answers.Status == FigureStatus.Suppressed)
        {
            // Nothing published bounds the whole: every band (zeros included, they are withheld too) is open.
            var open = new BandSolution(new SortedSet<int>(Enumerable.Range(0, bound + 1)), 0, 100, false);
            return new Solution(
                new SortedSet<int>(Enumerable.Range(1, bound)),
                published.Bands.Where(b => b.Mean.Answers.Status == FigureStatus.Suppressed).ToDictionary(b => b.AgeBand, _ => open));
        }

        var whole = (int)published.Overall.Answers.Value!.Value;
        var (wholeLow, wholeHigh) = Sum(published.Overall, whole);
        var withheld = published.Bands.Where(b => b.Mean.Answers.Status == FigureStatus.Suppressed).Select(b => b.AgeBand).ToList();
        var shown = published.Bands.Where(b => b.Mean.Answers.Status != FigureStatus.Suppressed).ToList();
        var hiddenAnswers = whole - shown.Sum(b => (int)b.Mean.Answers.Value!.Value);
        var hiddenLow = wholeLow;
        var hiddenHigh = wholeHigh;
        foreach (var band in shown)
        {
            var (low, high) = Sum(band.Mean, (int)band.Mean.Answers.Value!.Value);
            hiddenLow -= high;
            hiddenHigh -= low;
        }

        hiddenLow = Math.Max(hiddenLow, 0);
        hiddenHigh = Math.Min(hiddenHigh, 100 * hiddenAnswers);
        var others = withheld.Count - 1;
        var solutions = new Dictionary<string, BandSolution>();
        foreach (var band in withheld)
        {
            var answers = new SortedSet<int>();
            var means = new HashSet<(int, int)>();
            decimal lowest = decimal.MaxValue, highest = decimal.MinValue;
            for (var n = 1; n <= hiddenAnswers - others; n++)
            {
                // This band's sum, with the other withheld bands holding the rest (each at least one answer).
                var low = Up(Math.Max(0, hiddenLow - 100 * (hiddenAnswers - n)));
                var high = Down(Math.Min(100 * n, hiddenHigh));
                if (low > high || (others == 0 && n != hiddenAnswers))
                {
                    continue;
                }

                answers.Add(n);
                lowest = Math.Min(lowest, (decimal)low / n);
                highest = Math.Max(highest, (decimal)high / n);
                for (var s = low; s <= high && means.Count < 2; s += step)
                {
                    var divisor = Gcd(s, n);
                    means.Add((s / divisor, n / divisor));
                }
            }

            solutions[band] = new BandSolution(answers, lowest, highest, means.Count == 1);
        }

        return new Solution([whole], solutions);
    }

    /// <summary>The sums of answers (on the grid) that a mean rounded to one decimal over <paramref name="n"/> answers allows.</summary>
    private (int Low, int High) Sum(PublishedMean mean, int n)
    {
        if (n == 0 || mean.Value.Status != FigureStatus.Published)
        {
            return (0, n == 0 ? 0 : 100 * n);
        }

        var tenths = (decimal)Math.Round(mean.Value.Value!.Value * 10);
        return (Up((int)Math.Ceiling(n * (tenths - 0.5m) / 10)), Down((int)Math.Floor(n * (tenths + 0.5m) / 10)));
    }

    private int Up(int value) => (value + step - 1) / step * step;

    private int Down(int value) => value / step * step;

    private static int Gcd(int a, int b) => b == 0 ? Math.Max(a, 1) : Gcd(b, a % b);
}
