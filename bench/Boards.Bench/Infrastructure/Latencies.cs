namespace Boards.Bench.Infrastructure;

/// <summary>Latency samples in milliseconds and their percentiles (nearest rank).</summary>
public sealed class Latencies
{
    private readonly List<double> _samples = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _samples.Count;
            }
        }
    }

    public void Add(double milliseconds)
    {
        lock (_lock)
        {
            _samples.Add(milliseconds);
        }
    }

    public void AddRange(Latencies other)
    {
        lock (_lock)
        {
            _samples.AddRange(other.Snapshot());
        }
    }

    public double Percentile(double percent)
    {
        var sorted = Snapshot();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public LatencySummary Summary() => new(Count, Round(Percentile(50)), Round(Percentile(95)), Round(Percentile(99)));

    private double[] Snapshot()
    {
        lock (_lock)
        {
            return [.. _samples];
        }
    }

    private static double Round(double value) => double.IsNaN(value) ? value : Math.Round(value, 2);
}

public sealed record LatencySummary(int Count, double P50Ms, double P95Ms, double P99Ms);
