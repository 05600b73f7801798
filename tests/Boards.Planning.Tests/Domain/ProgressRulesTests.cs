using Boards.Planning.Domain.Plans;

namespace Boards.Planning.Tests.Domain;

public sealed class ProgressRulesTests
{
    [Theory]
    [InlineData(ActionStatus.NotStarted, 30, 0)]
    [InlineData(ActionStatus.InProgress, 30, 50)]
    [InlineData(ActionStatus.Done, 30, 100)]
    [InlineData(ActionStatus.Blocked, 30, 30)]
    [InlineData(ActionStatus.Cancelled, 30, 30)]
    public void Each_status_has_its_default_progress(ActionStatus status, int current, int expected)
    {
        var decision = ProgressRules.Decide(status, current, null, null);

        Assert.Equal(expected, decision.Progress);
        Assert.False(decision.Overridden);
    }

    [Fact]
    public void An_override_needs_a_reason_and_a_status_that_accepts_it()
    {
        Assert.Equal(["reason"], ProgressRules.Validate(ActionStatus.InProgress, 70m, " ").Select(p => p.Field).ToArray());
        Assert.Equal(["progress"], ProgressRules.Validate(ActionStatus.Done, 70m, "motivo").Select(p => p.Field).ToArray());
        Assert.Equal(["progress", "reason"], ProgressRules.Validate(ActionStatus.Blocked, 101m, null).Select(p => p.Field).ToArray());
        Assert.Empty(ProgressRules.Validate(ActionStatus.Blocked, 10m, "Falta de fondos"));
        Assert.Empty(ProgressRules.Validate(ActionStatus.Done, null, null));

        var decision = ProgressRules.Decide(ActionStatus.InProgress, 0m, 70m, " 84 de 120 familias ");
        Assert.Equal(new ProgressDecision(70m, true, "84 de 120 familias"), decision);
    }
}
