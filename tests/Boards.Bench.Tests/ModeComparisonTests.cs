using Boards.Bench.Infrastructure.Memory;
using Boards.Bench.Report;
using static Boards.Bench.Tests.BenchFixtures;

namespace Boards.Bench.Tests;

public sealed class ModeComparisonTests
{
    private static readonly ProcessRole Gateway = ProcessRole.Service("gateway");

    private static readonly BenchResults Services = Results(BenchMode.Services, 5.2,
        Cpu((Gateway, 20), (ProcessRole.Service("referrals"), 40), (ProcessRole.Service("monitoring"), 15), (ProcessRole.Postgres, 30), (ProcessRole.Dashboard, 10)),
        Memory(("gateway", 150), ("referrals", 250), ("monitoring", 1500)));

    private static readonly BenchResults Monolith = Results(BenchMode.Monolith, 1.8,
        Cpu((Gateway, 15), (ProcessRole.Monolith, 40), (ProcessRole.Postgres, 25), (ProcessRole.Dashboard, 10)),
        Memory(("gateway", 150), ("monolith", 320)));

    [Fact]
    public void Pairs_each_target_of_both_runs_and_judges_the_monolith_against_its_own_limits()
    {
        var rows = ModeComparison.Rows(Services, Monolith);

        var cpu = Assert.Single(rows, r => r.Measure.StartsWith("CPU ms por creación (cpu-ms/create)", StringComparison.Ordinal));
        Assert.Equal(("10.5 ms (con telemetría y correo 11.5 ms)", "8 ms (con telemetría y correo 9 ms)", "≤ 1 ms", false),
            (cpu.Services, cpu.Monolith, cpu.MonolithTarget, cpu.MonolithMet));
        var p50 = Assert.Single(rows, r => r.Measure.StartsWith("create p50", StringComparison.Ordinal));
        Assert.Equal(("5.2 ms (eco 0.6 ms)", "1.8 ms (eco 0.6 ms)", "≤ 2 ms", true), (p50.Services, p50.Monolith, p50.MonolithTarget, p50.MonolithMet));
        var memory = Assert.Single(rows, r => r.Measure.StartsWith("memoria residente", StringComparison.Ordinal));
        Assert.Equal(("1900 MB en 3 procesos", "470 MB en 2 procesos", "≤ 500 MB", true), (memory.Services, memory.Monolith, memory.MonolithTarget, memory.MonolithMet));
        Assert.Equal(("3", "2"), rows.Where(r => r.Measure.StartsWith("procesos .NET", StringComparison.Ordinal)).Select(r => (r.Services, r.Monolith)).Single());
        Assert.Equal(Monolith.Summary.Targets.Count + 5, rows.Count);
    }

    [Fact]
    public void Shows_each_process_of_either_mode_side_by_side_the_services_first_with_a_dash_where_a_mode_has_none()
    {
        var text = ModeComparison.Render(Services, Monolith, ModeComparison.Rows(Services, Monolith));

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var processes = lines.SkipWhile(l => !l.StartsWith("| proceso (process)", StringComparison.Ordinal)).Skip(2).ToList();
        Assert.Equal("| gateway | 2 | 150 | 1.5 | 150 |", processes[0]);
        Assert.Equal("| monitoring | 1.5 | 1500 | – | – |", processes[1]);
        Assert.Equal("| monolith | – | – | 4 | 320 |", processes[2]);
        Assert.Equal("| referrals | 4 | 250 | – | – |", processes[3]);
        Assert.StartsWith("| PostgreSQL", processes[4], StringComparison.Ordinal);
        Assert.StartsWith("| Aspire dashboard", processes[5], StringComparison.Ordinal);
        Assert.Equal("| **total que cuenta (counted total)** | **10.5** | **1900** | **8** | **470** |", processes[6]);
        Assert.Contains(lines, l => l.StartsWith("| memoria residente .NET tras la carga (dotnet-rss-mb) | 1900 MB en 3 procesos | 470 MB en 2 procesos | ≤ 500 MB | ✓ |", StringComparison.Ordinal));
    }

    [Fact]
    public void Prints_each_runs_own_summary_line_after_its_mode()
    {
        var lines = ModeComparison.FinalLines(Services, Monolith).Split(Environment.NewLine);

        Assert.Equal($"services: {Services.Summary.FinalLine()}", lines[0]);
        Assert.Equal($"monolith: {Monolith.Summary.FinalLine()}", lines[1]);
        Assert.EndsWith("dotnet-rss-mb=470", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_back_a_run_it_wrote_with_its_mode_memory_and_not_measured_figures()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}", "monolith.json");
        try
        {
            await BenchJson.WriteAsync(file, Monolith);

            var read = await BenchJson.ReadAsync(file);

            Assert.Equal("monolith", read.Mode);
            Assert.Equal(Monolith.Summary.FinalLine(), read.Summary.FinalLine());
            Assert.Equal(Monolith.DotNetMemory.Processes, read.DotNetMemory.Processes);
            Assert.Equal(Monolith.CpuPerCreate.Processes, read.CpuPerCreate.Processes);
            Assert.True(double.IsNaN(read.IdleCpu.SystemMsPerSecond));
            Assert.Equal(ModeComparison.Render(Services, Monolith, ModeComparison.Rows(Services, Monolith)),
                ModeComparison.Render(Services, read, ModeComparison.Rows(Services, read)));
            Assert.Contains("\"mode\": \"monolith\"", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [Fact]
    public async Task Compares_two_runs_from_their_files_into_one_file_with_both_and_refuses_them_in_the_wrong_order()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}");
        try
        {
            await BenchJson.WriteAsync(Path.Combine(folder, "s.json"), Services);
            await BenchJson.WriteAsync(Path.Combine(folder, "m.json"), Monolith);

            Assert.Equal(0, await BothModes.RunAsync(Path.Combine(folder, "s.json"), Path.Combine(folder, "m.json"), Path.Combine(folder, "both.json")));
            Assert.Equal(2, await BothModes.RunAsync(Path.Combine(folder, "m.json"), Path.Combine(folder, "s.json"), Path.Combine(folder, "wrong.json")));

            var both = System.Text.Json.JsonSerializer.Deserialize<BothResults>(await File.ReadAllTextAsync(Path.Combine(folder, "both.json")), BenchJson.Options)!;
            Assert.Equal(("both", "services", "monolith"), (both.Mode, both.Services.Mode, both.Monolith.Mode));
            Assert.Equal(ModeComparison.Rows(Services, Monolith), both.Comparison);
            Assert.False(File.Exists(Path.Combine(folder, "wrong.json")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
