namespace Boards.Bench.Tests;

public sealed class BenchModeTests
{
    [Theory]
    [InlineData("services", BenchMode.Services)]
    [InlineData("monolith", BenchMode.Monolith)]
    public void Reads_the_mode_as_the_apphosts_shape_setting_names_it(string value, BenchMode expected)
    {
        Assert.Equal(expected, BenchOptions.Parse(["--mode", value]).Mode);
        Assert.Equal(value, expected.Name());
    }

    [Theory]
    [InlineData("both")]
    [InlineData("Monolith")]
    [InlineData("")]
    public void Refuses_any_other_mode(string value) =>
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--mode", value]));

    [Fact]
    public void Leaves_the_mode_to_be_found_when_not_given_and_takes_a_results_file()
    {
        var options = BenchOptions.Parse(["--quick", "--results-file", "bench/results/x-services.json"]);

        Assert.Null(options.Mode);
        Assert.Equal("bench/results/x-services.json", options.ResultsFile);
    }

    [Fact]
    public void Finds_the_services_shape_from_any_modules_own_service_and_nothing_from_the_gateway_alone()
    {
        Assert.Equal(BenchMode.Services, BenchModes.Detect([ProcessRole.Service("gateway"), ProcessRole.Service("referrals"), ProcessRole.Postgres]));
        Assert.Equal(BenchMode.Monolith, BenchModes.Detect([ProcessRole.Service("gateway"), ProcessRole.Monolith]));
        Assert.Null(BenchModes.Detect([ProcessRole.Service("gateway"), ProcessRole.Service("identity"), ProcessRole.Postgres]));
        Assert.Null(BenchModes.Detect([ProcessRole.Monolith, ProcessRole.Service("referrals")]));
        Assert.Null(BenchModes.Detect([]));
    }

    [Theory]
    [InlineData(null, null, BenchMode.Services)]
    [InlineData(null, BenchMode.Monolith, BenchMode.Monolith)]
    [InlineData(BenchMode.Monolith, null, BenchMode.Monolith)]
    [InlineData(BenchMode.Services, BenchMode.Services, BenchMode.Services)]
    public void Labels_the_run_with_the_mode_asked_for_else_the_one_found_else_services(BenchMode? declared, BenchMode? detected, BenchMode expected) =>
        Assert.Equal(expected, BenchModes.Resolve(declared, detected));

    [Fact]
    public void Refuses_to_label_a_system_with_the_other_shape()
    {
        var error = Assert.Throws<ArgumentException>(() => BenchModes.Resolve(BenchMode.Monolith, BenchMode.Services));

        Assert.Contains("Shape=monolith", error.Message, StringComparison.Ordinal);
    }
}
