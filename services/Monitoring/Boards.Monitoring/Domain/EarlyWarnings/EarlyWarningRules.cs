using System.Globalization;

namespace Boards.Monitoring.Domain.EarlyWarnings;

/// <summary>What a rule found for one municipality: the rule, a Spanish sentence and the numbers behind it.</summary>
public sealed record Finding(string Rule, string Evidence, IReadOnlyDictionary<string, decimal> Figures)
{
    public string Title => EarlyWarningRules.Title(Rule);
}

/// <summary>The thresholds of the rules (Monitoring:EarlyWarnings:*); the defaults are those documented.</summary>
public sealed class EarlyWarningThresholds
{
    /// <summary>Rule 1: the newly overdue count of the last 7 days exceeds the previous 7 days' by at least this many…</summary>
    public int OverdueRisingMinIncrease { get; set; } = 3;
    /// <summary>…and by at least this percentage of the previous 7 days' count.</summary>
    public decimal OverdueRisingMinPercent { get; set; } = 50;
    /// <summary>Rule 2: at least this many no_capacity/service_not_offered rejections in one category in the last 7 days…</summary>
    public int UnmetDemandMinCount { get; set; } = 3;
    /// <summary>…and at least this many times the trailing 4-week mean.</summary>
    public decimal UnmetDemandFactor { get; set; } = 2;
    /// <summary>Rule 3: the last 7 days' referral count has a z-score of at least this over the 8 weeks before…</summary>
    public decimal SpikeZScore { get; set; } = 3;
    /// <summary>…and is at least this many referrals.</summary>
    public int SpikeMinCount { get; set; } = 10;
    /// <summary>Rule 4: days since the last board session.</summary>
    public int SessionMaxDays { get; set; } = 60;
    /// <summary>Rule 5: the roster representativity score (0–100) below this (the event carries no threshold).</summary>
    public decimal RepresentativityThreshold { get; set; } = 60;
    /// <summary>Rule 6: overdue PAT actions of the current plan, at least this many.</summary>
    public int PlanOverdueMinActions { get; set; } = 1;
    /// <summary>Rule 7: the trust index (0–100) fell by more than this many points from one quarter to the next…</summary>
    public decimal TrustDropPoints { get; set; } = 10;
    /// <summary>…with at least this many trust answers in each of the two quarters.</summary>
    public int TrustMinAnswers { get; set; } = 10;
}

/// <summary>
/// The six early-warning rules of DOMAIN.md and the pulse's trust rule (docs/pulse.md) as pure functions of the figures Monitoring holds. Each returns a
/// <see cref="Finding"/> when the rule holds, null when it does not. The formulas are in docs/monitoring.md.
/// </summary>
public static class EarlyWarningRules
{
    public const string OverdueReferralsRising = "overdue_referrals_rising";
    public const string UnmetDemandRising = "unmet_demand_rising";
    public const string ReferralSpike = "referral_spike";
    public const string NoRecentSession = "no_recent_session";
    public const string LowRepresentativity = "low_representativity";
    public const string PlanActionsOverdue = "plan_actions_overdue";
    public const string TrustDropping = "trust_dropping";

    public static readonly IReadOnlyList<string> All =
        [OverdueReferralsRising, UnmetDemandRising, ReferralSpike, NoRecentSession, LowRepresentativity, PlanActionsOverdue, TrustDropping];

    public static string Title(string rule) => rule switch
    {
        OverdueReferralsRising => "Referencias vencidas en aumento",
        UnmetDemandRising => "Demanda no atendida en aumento",
        ReferralSpike => "Referencias semanales muy por encima de lo habitual",
        NoRecentSession => "Mesa sin sesionar",
        LowRepresentativity => "Representatividad bajo el umbral",
        PlanActionsOverdue => "Acciones del PAT vencidas",
        TrustDropping => "Confianza en baja",
        _ => rule,
    };

    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-PY");

    private static string N(decimal value) => value.ToString("0.##", Spanish);

    /// <summary>
    /// Rule 1. <paramref name="lastWeek"/>: referrals whose latest overdue mark fell in the last 7 days;
    /// <paramref name="weekBefore"/>: in the 7 days before. Holds when lastWeek − weekBefore ≥ MinIncrease and
    /// lastWeek ≥ weekBefore × (1 + MinPercent/100).
    /// </summary>
    public static Finding? OverdueRising(int lastWeek, int weekBefore, EarlyWarningThresholds t)
    {
        var increase = lastWeek - weekBefore;
        if (increase < t.OverdueRisingMinIncrease || lastWeek < weekBefore * (1 + t.OverdueRisingMinPercent / 100m))
        {
            return null;
        }

        return new Finding(OverdueReferralsRising,
            $"{lastWeek} referencias vencieron en los últimos 7 días, frente a {weekBefore} en los 7 días anteriores (+{increase}).",
            new Dictionary<string, decimal> { ["last_7_days"] = lastWeek, ["previous_7_days"] = weekBefore, ["increase"] = increase });
    }

    /// <summary>
    /// Rule 2, one category. <paramref name="lastWeek"/>: rejections for no_capacity or service_not_offered in the last
    /// 7 days; <paramref name="trailing"/>: the counts of the 4 weeks before (any order). Holds when lastWeek ≥ MinCount
    /// and lastWeek ≥ Factor × mean(trailing).
    /// </summary>
    public static Finding? UnmetDemand(string category, int lastWeek, IReadOnlyList<int> trailing, EarlyWarningThresholds t)
    {
        if (trailing.Count != 4)
        {
            throw new ArgumentException("Four trailing weeks are needed.", nameof(trailing));
        }

        var mean = trailing.Sum() / 4m;
        if (lastWeek < t.UnmetDemandMinCount || lastWeek < t.UnmetDemandFactor * mean)
        {
            return null;
        }

        return new Finding(UnmetDemandRising,
            $"{lastWeek} referencias de la categoría '{category}' fueron rechazadas por falta de cupo o servicio no ofrecido en los últimos 7 días; la media de las 4 semanas anteriores es {N(mean)}.",
            new Dictionary<string, decimal> { ["last_7_days"] = lastWeek, ["trailing_4_week_mean"] = mean });
    }

    /// <summary>
    /// Rule 3. <paramref name="lastWeek"/>: referrals created in the last 7 days; <paramref name="trailing"/>: the counts
    /// of the 8 weeks before. z = (lastWeek − mean) ÷ max(σ, 1), σ the population standard deviation of the 8 counts.
    /// Holds when lastWeek ≥ MinCount and z ≥ ZScore.
    /// </summary>
    public static Finding? WeeklySpike(int lastWeek, IReadOnlyList<int> trailing, EarlyWarningThresholds t)
    {
        if (trailing.Count != 8)
        {
            throw new ArgumentException("Eight trailing weeks are needed.", nameof(trailing));
        }

        var mean = trailing.Sum() / 8m;
        var variance = trailing.Sum(c => (c - mean) * (c - mean)) / 8m;
        var sigma = (decimal)Math.Sqrt((double)variance);
        var z = (lastWeek - mean) / Math.Max(sigma, 1m);
        if (lastWeek < t.SpikeMinCount || z < t.SpikeZScore)
        {
            return null;
        }

        var zRounded = Math.Round(z, 2, MidpointRounding.AwayFromZero);
        return new Finding(ReferralSpike,
            $"{lastWeek} referencias en los últimos 7 días, frente a una media semanal de {N(mean)} en las 8 semanas anteriores (z = {N(zRounded)}).",
            new Dictionary<string, decimal>
            {
                ["last_7_days"] = lastWeek,
                ["trailing_8_week_mean"] = Math.Round(mean, 2, MidpointRounding.AwayFromZero),
                ["trailing_8_week_sd"] = Math.Round(sigma, 2, MidpointRounding.AwayFromZero),
                ["z_score"] = zRounded,
            });
    }

    /// <summary>Rule 4. Holds when today − lastSession ≥ SessionMaxDays (UTC dates).</summary>
    public static Finding? NoSession(DateOnly lastSession, DateOnly today, EarlyWarningThresholds t)
    {
        var days = today.DayNumber - lastSession.DayNumber;
        if (days < t.SessionMaxDays)
        {
            return null;
        }

        return new Finding(NoRecentSession,
            $"La mesa no registra sesiones desde el {lastSession.ToString("dd/MM/yyyy", Spanish)}: {days} días (el límite es {t.SessionMaxDays}).",
            new Dictionary<string, decimal> { ["days_since_last_session"] = days, ["max_days"] = t.SessionMaxDays });
    }

    /// <summary>Rule 5. Holds when the roster score is below the threshold.</summary>
    public static Finding? Representativity(decimal score, EarlyWarningThresholds t)
    {
        if (score >= t.RepresentativityThreshold)
        {
            return null;
        }

        return new Finding(LowRepresentativity,
            $"La representatividad de la mesa es {N(score)} sobre 100, por debajo del umbral de {N(t.RepresentativityThreshold)}.",
            new Dictionary<string, decimal> { ["score"] = score, ["threshold"] = t.RepresentativityThreshold });
    }

    /// <summary>Rule 6. Holds when the current plan's overdue actions (latest roll-up) are at least PlanOverdueMinActions.</summary>
    public static Finding? PlanOverdue(int overdueActions, int actionCount, int year, EarlyWarningThresholds t)
    {
        if (overdueActions < Math.Max(1, t.PlanOverdueMinActions))
        {
            return null;
        }

        return new Finding(PlanActionsOverdue,
            $"{overdueActions} de {actionCount} acciones del PAT {year} están vencidas.",
            new Dictionary<string, decimal> { ["overdue_actions"] = overdueActions, ["action_count"] = actionCount, ["year"] = year });
    }

    /// <summary>
    /// Rule 7 (docs/pulse.md). The trust index of <paramref name="quarter"/> against the quarter before it. Holds when both
    /// quarters have at least TrustMinAnswers trust answers and the index fell by more than TrustDropPoints.
    /// </summary>
    public static Finding? TrustDrop(
        string quarter, decimal current, int currentAnswers, string previousQuarter, decimal previous, int previousAnswers, EarlyWarningThresholds t)
    {
        var drop = previous - current;
        if (currentAnswers < t.TrustMinAnswers || previousAnswers < t.TrustMinAnswers || drop <= t.TrustDropPoints)
        {
            return null;
        }

        return new Finding(TrustDropping,
            $"El índice de confianza bajó de {N(previous)} en {previousQuarter} a {N(current)} en {quarter} ({N(drop)} puntos menos; {previousAnswers} y {currentAnswers} respuestas; el límite es {N(t.TrustDropPoints)}).",
            new Dictionary<string, decimal>
            {
                ["trust_index"] = current,
                ["previous_trust_index"] = previous,
                ["drop_points"] = drop,
                ["answers"] = currentAnswers,
                ["previous_answers"] = previousAnswers,
                ["max_drop_points"] = t.TrustDropPoints,
            });
    }
}
