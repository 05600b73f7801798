using System.Text;
using Boards.Bench.Report;

namespace Boards.Bench.Tests;

public sealed class CpuTableTests
{
    [Fact]
    public void Shows_each_part_then_the_counted_total_and_the_telemetry_apart()
    {
        var before = new CpuSample(new MachineTicks(0, 0), 0, new Dictionary<ProcessRole, GroupTicks>
        {
            [ProcessRole.Service("referrals")] = new(0, 1), [ProcessRole.Dashboard] = new(0, 1),
        });
        var after = new CpuSample(new MachineTicks(300, 400), 20, new Dictionary<ProcessRole, GroupTicks>
        {
            [ProcessRole.Service("referrals")] = new(150, 1), [ProcessRole.Dashboard] = new(100, 1),
        });
        var text = new StringBuilder();

        CpuTable.Render(text, CpuPerCreate.Compute(before, after, 500, 2, 2, 0.4, 0), 32);

        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("CPU ms por creación (por proceso)", lines[0], StringComparison.Ordinal);
        Assert.Contains("500 creaciones confirmadas en 2 s", lines[0], StringComparison.Ordinal);
        Assert.Equal("| referrals | servicio (service) | 1 | 1500 | 3.000 | 37.5 |", lines[3]);
        Assert.Equal("| Aspire dashboard (recepción OTLP) | telemetría (telemetry) | 1 | 1000 | 2.000 | 25.0 |", lines[4]);
        Assert.Contains(lines, l => l.StartsWith("| **total del sistema, sin telemetría", StringComparison.Ordinal) && l.Contains("**3.000**", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("| total de todos los procesos", StringComparison.Ordinal) && l.Contains("| 5.000 |", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("| resto de la máquina", StringComparison.Ordinal) && l.Contains("| 0.600 |", StringComparison.Ordinal));
    }

    [Fact]
    public void Says_why_when_nothing_was_measured()
    {
        var text = new StringBuilder();

        CpuTable.Render(text, CpuPerCreate.Unavailable("sin /proc"), 32);

        Assert.Equal("CPU ms por creación (por proceso) (CPU ms per create, per process): no medido (sin /proc)", text.ToString().Trim());
    }
}
