namespace Boards.Monitoring.Domain.OpenData;

/// <summary>Why a published figure has, or has no, value.</summary>
public enum FigureStatus
{
    /// <summary>The value is published.</summary>
    Published,

    /// <summary>Withheld: a count under the threshold, or a figure that would let one be recomputed.</summary>
    Suppressed,

    /// <summary>Nothing to compute (a rate over no referrals, a board never assessed).</summary>
    NoData,
}

/// <summary>One cell of the open data: a value, or a status that says why there is none. Never both.</summary>
public readonly record struct Figure
{
    private Figure(double? value, FigureStatus status)
    {
        Value = value;
        Status = status;
    }

    public double? Value { get; }

    public FigureStatus Status { get; }

    public static Figure Suppressed { get; } = new(null, FigureStatus.Suppressed);

    public static Figure NoData { get; } = new(null, FigureStatus.NoData);

    public static Figure Of(double value) => new(value, FigureStatus.Published);

    public static Figure Of(double? value) => value is { } v ? Of(v) : NoData;
}
