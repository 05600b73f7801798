namespace Boards.Monitoring.Features.IndicatorsSignal;

public sealed class IndicatorsSignalOptions
{
    public const string Section = "Monitoring:IndicatorsSignal";

    /// <summary>How often the municipalities changed since the last pass are announced (one event each).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(250);
}
