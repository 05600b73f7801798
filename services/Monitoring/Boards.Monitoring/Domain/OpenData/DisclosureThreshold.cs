namespace Boards.Monitoring.Domain.OpenData;

/// <summary>
/// The smallest count of people or referrals that may be published (5 by default). A count from 1 to
/// <see cref="Value"/> − 1 is small; zero is not (it singles nobody out), nor is anything from the threshold up.
/// </summary>
public sealed record DisclosureThreshold
{
    public const int Default = 5;
    public const int Minimum = 3;
    public const int Maximum = 50;

    public DisclosureThreshold(int value)
    {
        if (value is < Minimum or > Maximum)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"The open data threshold must be from {Minimum} to {Maximum}.");
        }

        Value = value;
    }

    public int Value { get; }

    /// <summary>From 1 to the threshold − 1: never published, nor anything that gives it away.</summary>
    public bool IsSmall(int count) => count >= 1 && count < Value;

    /// <summary>Zero, or at least the threshold: safe to publish or to let be derived.</summary>
    public bool IsSafe(int count) => !IsSmall(count);

    /// <summary>A count that stands alone (no total it belongs to is published): primary suppression only.</summary>
    public Figure Count(int count) => IsSmall(count) ? Figure.Suppressed : Figure.Of(count);

    /// <summary>
    /// A median over <paramref name="count"/> durations, in days: published only over at least the threshold, so that it
    /// is never one or two people's own waiting time.
    /// </summary>
    public Figure Median(double? seconds, int count) => count == 0 || seconds is null
        ? Figure.NoData
        : IsSmall(count) ? Figure.Suppressed : Figure.Of(Indicators.Days(seconds));
}
