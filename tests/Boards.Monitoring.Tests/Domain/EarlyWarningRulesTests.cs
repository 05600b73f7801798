using Boards.Monitoring.Domain.EarlyWarnings;

namespace Boards.Monitoring.Tests.Domain;

/// <summary>The rules on hand-computed cases, at the default thresholds unless a test says otherwise.</summary>
public sealed class EarlyWarningRulesTests
{
    private static readonly EarlyWarningThresholds Defaults = new();

    [Theory]
    // inc ≥ 3 and last ≥ before × 1.5
    [InlineData(5, 2, true)]   // +3, 5 ≥ 3
    [InlineData(4, 2, false)]  // +2
    [InlineData(9, 6, true)]   // +3, 9 ≥ 9
    [InlineData(8, 6, false)]  // +2
    [InlineData(13, 10, false)] // +3, but 13 < 15
    [InlineData(3, 0, true)]   // +3 from nothing
    public void Overdue_rising_needs_both_the_absolute_and_the_relative_increase(int lastWeek, int weekBefore, bool holds)
    {
        var finding = EarlyWarningRules.OverdueRising(lastWeek, weekBefore, Defaults);

        Assert.Equal(holds, finding is not null);
        if (finding is not null)
        {
            Assert.Equal(EarlyWarningRules.OverdueReferralsRising, finding.Rule);
            Assert.Equal(lastWeek - weekBefore, finding.Figures["increase"]);
        }
    }

    [Fact]
    public void Unmet_demand_compares_the_last_week_with_twice_the_trailing_four_week_mean()
    {
        // mean (1 + 2 + 1 + 0) / 4 = 1: 3 ≥ 3 (minimum) and 3 ≥ 2 × 1.
        var holds = EarlyWarningRules.UnmetDemand("ingresos", 3, [1, 2, 1, 0], Defaults);
        // mean 2: 3 < 2 × 2.
        var tooClose = EarlyWarningRules.UnmetDemand("ingresos", 3, [2, 2, 2, 2], Defaults);
        // mean 2: 4 ≥ 4.
        var twice = EarlyWarningRules.UnmetDemand("ingresos", 4, [2, 2, 2, 2], Defaults);
        // Under the minimum of 3 even from nothing.
        var few = EarlyWarningRules.UnmetDemand("ingresos", 2, [0, 0, 0, 0], Defaults);

        Assert.NotNull(holds);
        Assert.Equal(1m, holds.Figures["trailing_4_week_mean"]);
        Assert.Contains("'ingresos'", holds.Evidence);
        Assert.Null(tooClose);
        Assert.NotNull(twice);
        Assert.Null(few);
    }

    [Fact]
    public void The_weekly_spike_uses_the_population_standard_deviation_of_the_eight_weeks_before()
    {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, σ = √(32/8) = 2.
        int[] trailing = [2, 4, 4, 4, 5, 5, 7, 9];

        var eleven = EarlyWarningRules.WeeklySpike(11, trailing, Defaults); // z = (11 − 5) / 2 = 3
        var ten = EarlyWarningRules.WeeklySpike(10, trailing, Defaults);    // z = 2.5

        Assert.NotNull(eleven);
        Assert.Equal(3m, eleven.Figures["z_score"]);
        Assert.Equal(5m, eleven.Figures["trailing_8_week_mean"]);
        Assert.Equal(2m, eleven.Figures["trailing_8_week_sd"]);
        Assert.Null(ten);
    }

    [Fact]
    public void A_flat_history_counts_its_deviation_as_one_and_the_minimum_count_still_applies()
    {
        int[] none = [0, 0, 0, 0, 0, 0, 0, 0];

        var ten = EarlyWarningRules.WeeklySpike(10, none, Defaults);  // z = 10 / max(0, 1) = 10
        var nine = EarlyWarningRules.WeeklySpike(9, none, Defaults);  // under the minimum of 10
        var steady = EarlyWarningRules.WeeklySpike(12, [10, 10, 10, 10, 10, 10, 10, 10], Defaults); // z = 2 / 1 = 2

        Assert.Equal(10m, ten!.Figures["z_score"]);
        Assert.Null(nine);
        Assert.Null(steady);
    }

    [Fact]
    public void No_session_holds_from_the_sixtieth_day()
    {
        var today = new DateOnly(2026, 11, 27);

        // 28 Sep → 27 Nov: 2 + 31 + 27 = 60 days.
        var sixty = EarlyWarningRules.NoSession(new DateOnly(2026, 9, 28), today, Defaults);
        var fiftyNine = EarlyWarningRules.NoSession(new DateOnly(2026, 9, 29), today, Defaults);

        Assert.NotNull(sixty);
        Assert.Equal(60m, sixty.Figures["days_since_last_session"]);
        Assert.Contains("28/09/2026", sixty.Evidence);
        Assert.Null(fiftyNine);
    }

    [Fact]
    public void Representativity_holds_strictly_under_the_threshold()
    {
        Assert.NotNull(EarlyWarningRules.Representativity(59.9m, Defaults));
        Assert.Null(EarlyWarningRules.Representativity(60m, Defaults));
        Assert.Null(EarlyWarningRules.Representativity(45m, new EarlyWarningThresholds { RepresentativityThreshold = 40 }));
    }

    [Fact]
    public void Plan_overdue_holds_from_the_minimum_number_of_overdue_actions()
    {
        Assert.Null(EarlyWarningRules.PlanOverdue(0, 6, 2026, Defaults));
        var one = EarlyWarningRules.PlanOverdue(1, 6, 2026, Defaults);
        Assert.Equal("1 de 6 acciones del PAT 2026 están vencidas.", one!.Evidence);
        Assert.Null(EarlyWarningRules.PlanOverdue(2, 6, 2026, new EarlyWarningThresholds { PlanOverdueMinActions = 3 }));
    }

    [Fact]
    public void Every_rule_has_a_spanish_title()
    {
        Assert.All(EarlyWarningRules.All, rule => Assert.NotEqual(rule, EarlyWarningRules.Title(rule)));
    }

    [Fact]
    public void A_warning_is_active_then_acknowledged_once_then_resolved_and_cannot_be_acknowledged_after()
    {
        var now = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
        var warning = EarlyWarning.Raise("alto-vera", EarlyWarningRules.PlanOverdue(2, 6, 2026, Defaults)!, now);
        Assert.Equal(EarlyWarningStatus.Active, warning.Status);

        Assert.True(warning.Acknowledge("ana", "Se llamó al punto focal.", now.AddHours(1)));
        Assert.False(warning.Acknowledge("otra", "de nuevo", now.AddHours(2)));
        Assert.Equal((EarlyWarningStatus.Acknowledged, "ana"), (warning.Status, warning.AcknowledgedBy));

        warning.Resolve(now.AddDays(1));
        warning.Resolve(now.AddDays(2));
        Assert.Equal((EarlyWarningStatus.Resolved, now.AddDays(1)), (warning.Status, warning.ResolvedAt));
        Assert.Equal("Se llamó al punto focal.", warning.AcknowledgementNote);

        var other = EarlyWarning.Raise("alto-vera", EarlyWarningRules.PlanOverdue(2, 6, 2026, Defaults)!, now);
        other.Resolve(now);
        Assert.False(other.Acknowledge("ana", "tarde", now));
    }

    [Fact]
    public void A_fact_keeps_the_category_the_rejection_reason_and_the_latest_overdue_time()
    {
        var id = Guid.CreateVersion7();
        var created = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        var fact = ReferralFact.Start(new ReferralChange(ReferralChangeKind.Overdue, id, "alto-vera", ReferralStatus.Requested, 1,
            created, created.AddDays(5), "ingresos"));
        fact.Apply(new ReferralChange(ReferralChangeKind.Rejected, id, "alto-vera", ReferralStatus.Rejected, 2,
            created, created.AddDays(6), "ingresos", "no_capacity"));

        Assert.Equal(("ingresos", "no_capacity", created.AddDays(6), created.AddDays(5)),
            (fact.NeedCategory, fact.RejectionReason, fact.RejectedAt, fact.OverdueAt));
        Assert.False(fact.Overdue);
    }
}
