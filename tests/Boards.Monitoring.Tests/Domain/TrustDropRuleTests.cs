using Boards.Monitoring.Domain.EarlyWarnings;

namespace Boards.Monitoring.Tests.Domain;

/// <summary>Rule 7 (docs/pulse.md): trust falls by more than TrustDropPoints quarter on quarter, with enough answers in both.</summary>
public sealed class TrustDropRuleTests
{
    private static readonly EarlyWarningThresholds Thresholds = new() { TrustDropPoints = 10, TrustMinAnswers = 5 };

    [Fact]
    public void A_drop_of_more_than_the_limit_with_enough_answers_holds_and_says_so_in_spanish()
    {
        var finding = EarlyWarningRules.TrustDrop("2026-Q4", 55, 8, "2026-Q3", 70, 6, Thresholds);

        Assert.NotNull(finding);
        Assert.Equal(EarlyWarningRules.TrustDropping, finding.Rule);
        Assert.Equal("Confianza en baja", finding.Title);
        Assert.Contains("bajó de 70 en 2026-Q3 a 55 en 2026-Q4", finding.Evidence, StringComparison.Ordinal);
        Assert.Equal(15, finding.Figures["drop_points"]);
        Assert.Equal(8, finding.Figures["answers"]);
        Assert.Equal(6, finding.Figures["previous_answers"]);
    }

    [Theory]
    [InlineData(60, 8, 70, 6)] // exactly the limit: not more than it
    [InlineData(80, 8, 70, 6)] // a rise
    [InlineData(40, 4, 70, 6)] // too few answers now
    [InlineData(40, 8, 70, 4)] // too few answers before
    public void A_drop_within_the_limit_or_on_too_few_answers_does_not_hold(decimal current, int currentAnswers, decimal previous, int previousAnswers)
    {
        Assert.Null(EarlyWarningRules.TrustDrop("2026-Q4", current, currentAnswers, "2026-Q3", previous, previousAnswers, Thresholds));
    }

    [Fact]
    public void The_rule_is_listed_with_the_others()
    {
        Assert.Contains(EarlyWarningRules.TrustDropping, EarlyWarningRules.All);
    }
}
