namespace Boards.Membership.Domain.Representativity;

/// <summary>
/// Diversity and proportionality indices over any categorical distribution (sectors, gender, …). Amounts are counts
/// or weights per category (one entry per category, zeros allowed); they need not sum to anything. Full double
/// precision: rounding is the caller's business.
/// </summary>
public static class Diversity
{
    /// <summary>p_i = a_i / Σ a. All zeros when the total is 0.</summary>
    public static IReadOnlyList<double> Shares(IReadOnlyList<double> amounts)
    {
        var total = Total(amounts);
        return total == 0 ? amounts.Select(_ => 0d).ToArray() : amounts.Select(a => a / total).ToArray();
    }

    /// <summary>Blau (Gini–Simpson) B = 1 − Σ p_i². 0 for an empty distribution or a single category.</summary>
    public static double Blau(IReadOnlyList<double> amounts)
    {
        if (Total(amounts) == 0)
            return 0;
        return 1 - Shares(amounts).Sum(p => p * p);
    }

    /// <summary>
    /// B / (1 − 1/k), where k is the number of categories in the taxonomy (not only those present). 1 means every
    /// category holds the same share. 0 when k &lt; 2 (no diversity is possible).
    /// </summary>
    public static double NormalizedBlau(IReadOnlyList<double> amounts, int categories)
    {
        CheckCategories(amounts, categories);
        if (categories < 2)
            return 0;
        return Blau(amounts) / (1 - (1d / categories));
    }

    /// <summary>Shannon entropy H = −Σ p_i ln p_i (natural log; 0 · ln 0 = 0).</summary>
    public static double ShannonEntropy(IReadOnlyList<double> amounts)
    {
        if (Total(amounts) == 0)
            return 0;
        return -Shares(amounts).Where(p => p > 0).Sum(p => p * Math.Log(p));
    }

    /// <summary>Shannon evenness (Pielou) J = H / ln k. 0 when k &lt; 2 or the distribution is empty.</summary>
    public static double ShannonEvenness(IReadOnlyList<double> amounts, int categories)
    {
        CheckCategories(amounts, categories);
        if (categories < 2)
            return 0;
        return ShannonEntropy(amounts) / Math.Log(categories);
    }

    /// <summary>Gallagher least squares LSq = √(½ Σ (t_i − s_i)²) between target and actual shares. 0 = on target.</summary>
    public static double Gallagher(IReadOnlyList<double> targetShares, IReadOnlyList<double> actualShares)
    {
        ArgumentNullException.ThrowIfNull(targetShares);
        ArgumentNullException.ThrowIfNull(actualShares);
        if (targetShares.Count != actualShares.Count)
            throw new ArgumentException("Target and actual shares must list the same categories.", nameof(actualShares));
        var sum = 0d;
        for (var i = 0; i < targetShares.Count; i++)
        {
            var d = targetShares[i] - actualShares[i];
            sum += d * d;
        }

        return Math.Sqrt(sum / 2);
    }

    /// <summary>Parity = min(a, b) / max(a, b). 0 when either is 0 (including both).</summary>
    public static double Parity(double a, double b)
    {
        if (a < 0 || b < 0)
            throw new ArgumentOutOfRangeException(nameof(a), "Amounts cannot be negative.");
        var max = Math.Max(a, b);
        return max == 0 ? 0 : Math.Min(a, b) / max;
    }

    private static double Total(IReadOnlyList<double> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var total = 0d;
        foreach (var a in amounts)
        {
            if (a < 0 || double.IsNaN(a) || double.IsInfinity(a))
                throw new ArgumentOutOfRangeException(nameof(amounts), "Amounts must be finite and not negative.");
            total += a;
        }

        return total;
    }

    private static void CheckCategories(IReadOnlyList<double> amounts, int categories)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        if (categories < 1)
            throw new ArgumentOutOfRangeException(nameof(categories), "There is at least one category.");
        if (amounts.Count > categories)
            throw new ArgumentException($"{amounts.Count} amounts for {categories} categories.", nameof(amounts));
    }
}
