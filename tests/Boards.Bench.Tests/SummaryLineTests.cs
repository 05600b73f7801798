using System.Globalization;
using Boards.Bench.Report;

namespace Boards.Bench.Tests;

public sealed class SummaryLineTests
{
    [Fact]
    public void Keeps_the_four_keys_and_adds_the_single_create_p50_the_cpu_per_create_and_the_dotnet_resident_memory()
    {
        var summary = new Summary(0.0298, 88.6, 22.91, 0.814, 11.234, 5.1284, 1912.6, []);

        Assert.Equal("create/baseline-A=0.03 lag-p99-ms=89 national-p95-ms=22.9 deep-page/first-page=0.81 create-p50-ms=11.23 cpu-ms/create=5.13 dotnet-rss-mb=1913",
            summary.FinalLine());
    }

    [Fact]
    public void Writes_invariant_numbers_whatever_the_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("es-PY");
        try
        {
            Assert.EndsWith("create-p50-ms=2.5 cpu-ms/create=1.75 dotnet-rss-mb=480", new Summary(0.5, 100, 10, 1, 2.5, 1.75, 480.4, []).FinalLine(), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Says_NaN_for_a_cpu_per_create_and_a_memory_that_could_not_be_measured()
    {
        var cpu = Infrastructure.Cpu.CpuPerCreate.Unavailable("sin /proc");
        var memory = Infrastructure.Memory.DotNetMemory.Unavailable("sin /proc");

        Assert.EndsWith("cpu-ms/create=NaN dotnet-rss-mb=NaN", new Summary(0.5, 100, 10, 1, 2.5, cpu.SystemMsPerCreate, memory.TotalMb, []).FinalLine(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_key_is_a_name_an_equals_sign_and_a_number_without_spaces()
    {
        var pairs = new Summary(0.03, 151, 22.9, 0.81, 11.2, 5, 1900, []).FinalLine().Split(' ');

        Assert.Equal(["create/baseline-A", "lag-p99-ms", "national-p95-ms", "deep-page/first-page", "create-p50-ms", "cpu-ms/create", "dotnet-rss-mb"], pairs.Select(p => p.Split('=')[0]));
        Assert.All(pairs, p => Assert.True(double.TryParse(p.Split('=')[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _), p));
    }
}
