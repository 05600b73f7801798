using Boards.Monitoring.Domain.EarlyWarnings;

namespace Boards.Monitoring.Features.EarlyWarningSweep;

/// <summary>Monitoring:EarlyWarnings: how often the sweep runs, and the rules' thresholds.</summary>
public sealed class EarlyWarningOptions
{
    public const string Section = "Monitoring:EarlyWarnings";

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    public EarlyWarningThresholds Thresholds { get; } = new();

    // Flat keys (Monitoring:EarlyWarnings:SessionMaxDays, …) bind to the thresholds.
    public int OverdueRisingMinIncrease { get => Thresholds.OverdueRisingMinIncrease; set => Thresholds.OverdueRisingMinIncrease = value; }
    public decimal OverdueRisingMinPercent { get => Thresholds.OverdueRisingMinPercent; set => Thresholds.OverdueRisingMinPercent = value; }
    public int UnmetDemandMinCount { get => Thresholds.UnmetDemandMinCount; set => Thresholds.UnmetDemandMinCount = value; }
    public decimal UnmetDemandFactor { get => Thresholds.UnmetDemandFactor; set => Thresholds.UnmetDemandFactor = value; }
    public decimal SpikeZScore { get => Thresholds.SpikeZScore; set => Thresholds.SpikeZScore = value; }
    public int SpikeMinCount { get => Thresholds.SpikeMinCount; set => Thresholds.SpikeMinCount = value; }
    public int SessionMaxDays { get => Thresholds.SessionMaxDays; set => Thresholds.SessionMaxDays = value; }
    public decimal RepresentativityThreshold { get => Thresholds.RepresentativityThreshold; set => Thresholds.RepresentativityThreshold = value; }
    public int PlanOverdueMinActions { get => Thresholds.PlanOverdueMinActions; set => Thresholds.PlanOverdueMinActions = value; }
    public decimal TrustDropPoints { get => Thresholds.TrustDropPoints; set => Thresholds.TrustDropPoints = value; }
    public int TrustMinAnswers { get => Thresholds.TrustMinAnswers; set => Thresholds.TrustMinAnswers = value; }
}
