using System.Text;
using Boards.Bench.Infrastructure.Memory;
using Boards.Bench.Report;

namespace Boards.Bench.Tests;

public sealed class DotNetMemoryTests
{
    private static readonly ProcessRole Gateway = ProcessRole.Service("gateway");
    private static readonly ProcessRole Identity = ProcessRole.Service("identity");

    /// <summary>
    /// A local system in the monolith shape: DCP starting each project through `dotnet run` (20 → 30 → 31), the monolith
    /// with a child of its own, the AppHost, the dashboard, the harness's mail relay, PostgreSQL with a backend, and a
    /// process of another session. Memory in KiB: RSS, then the peak.
    /// </summary>
    private static readonly Dictionary<int, ProcessInfo> Machine = SystemProcessesTests.Table(
        (11, 10, "Boards.AppHost", "/w/Boards.AppHost", 0),
        (20, 1, "dcp", "dcp start-apiserver --monitor 11 --detach", 0),
        (30, 20, "dotnet", "dotnet run --project /w/services/Monolith/Boards.Monolith/Boards.Monolith.csproj --no-build", 0),
        (31, 30, "Boards.Monolith", "/w/services/Monolith/Boards.Monolith/bin/Release/net10.0/Boards.Monolith", 0),
        (32, 31, "sh", "sh -c something", 0),
        (33, 20, "dotnet", "dotnet run --project /w/gateways/Gateway/Boards.Gateway/Boards.Gateway.csproj --no-build", 0),
        (34, 33, "Boards.Gateway", "/w/gateways/Gateway/Boards.Gateway/bin/Release/net10.0/Boards.Gateway", 0),
        (35, 20, "Boards.Identity", "/w/services/Identity/Boards.Identity", 0),
        (36, 20, "Aspire.Dashboar", "/p/aspire.dashboard/Aspire.Dashboard", 0),
        (37, 9, "dotnet", "dotnet Boards.Bench.dll --mail-relay 2526", 0),
        (40, 20, "postgres", "postgres -p 55432", 0),
        (41, 40, "postgres", "postgres: referrals referralsdb", 0),
        (60, 1, "dotnet", "dotnet test", 0));

    private static readonly Dictionary<int, ProcessRole> Anchors = new()
    {
        [11] = ProcessRole.AppHost, [20] = ProcessRole.Dcp, [31] = ProcessRole.Monolith, [34] = Gateway, [35] = Identity,
        [36] = ProcessRole.Dashboard, [37] = ProcessRole.MailRelay, [40] = ProcessRole.Postgres,
    };

    private static readonly Dictionary<int, ProcMemory> Kib = new()
    {
        [11] = new(100 * 1024, 110 * 1024), [20] = new(50 * 1024, 50 * 1024), [30] = new(90 * 1024, 95 * 1024), [31] = new(300 * 1024, 350 * 1024),
        [32] = new(2 * 1024, 2 * 1024), [33] = new(80 * 1024, 85 * 1024), [34] = new(120 * 1024, 130 * 1024), [35] = new(110 * 1024, 110 * 1024),
        [36] = new(200 * 1024, 210 * 1024), [37] = new(60 * 1024, 60 * 1024), [40] = new(30 * 1024, 30 * 1024), [41] = new(20 * 1024, 20 * 1024),
        [60] = new(500 * 1024, 500 * 1024),
    };

    [Fact]
    public void Counts_boards_own_processes_with_their_children_and_nothing_else()
    {
        var memory = DotNetMemory.Compute(Machine, Anchors, pid => Kib.GetValueOrDefault(pid));

        Assert.Null(memory.NotMeasured);
        Assert.Equal(532.0, memory.TotalMb);
        Assert.Equal(592.0, memory.TotalPeakMb);
        Assert.Equal(4, memory.CountedProcesses);
        Assert.Equal([("monolith", 2, 302.0), ("gateway", 1, 120.0), ("identity", 1, 110.0)],
            memory.Processes.Where(p => p.Counted).Select(p => (p.Name, p.Processes, p.RssMb)));
    }

    [Fact]
    public void Shows_the_local_systems_other_dotnet_processes_apart_and_leaves_out_dcp_the_databases_and_other_sessions()
    {
        var memory = DotNetMemory.Compute(Machine, Anchors, pid => Kib.GetValueOrDefault(pid));

        var shown = memory.Processes.Where(p => !p.Counted).ToDictionary(p => p.Name, p => (p.Processes, p.RssMb));
        Assert.Equal((2, 170.0), shown[DotNetMemory.Wrappers]);
        Assert.Equal((1, 100.0), shown[ProcessRole.AppHost.Name]);
        Assert.Equal((1, 200.0), shown[ProcessRole.Dashboard.Name]);
        Assert.Equal((1, 60.0), shown[ProcessRole.MailRelay.Name]);
        Assert.Equal(4, shown.Count);
    }

    [Fact]
    public void Skips_a_process_that_ended_before_it_was_read()
    {
        var memory = DotNetMemory.Compute(Machine, Anchors, pid => pid == 32 ? null : Kib.GetValueOrDefault(pid));

        Assert.Equal((1, 300.0), memory.Processes.Where(p => p.Name == "monolith").Select(p => (p.Processes, p.RssMb)).Single());
        Assert.Equal(530.0, memory.TotalMb);
    }

    [Fact]
    public void The_table_lists_the_counted_processes_their_total_then_what_does_not_count()
    {
        var text = new StringBuilder();

        MemoryTable.Render(text, DotNetMemory.Compute(Machine, Anchors, pid => Kib.GetValueOrDefault(pid)));

        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("Memoria residente de .NET tras la carga", lines[0], StringComparison.Ordinal);
        Assert.Contains(DotNetMemory.Excluded, lines[0], StringComparison.Ordinal);
        Assert.Equal("| monolith | 2 | 302.0 | 352.0 |", lines[3]);
        Assert.Equal("| **total de los procesos .NET de Boards (Boards' .NET processes): cuenta** | 4 | **532.0** | 592.0 |", lines[6]);
        Assert.All(lines[7..], line => Assert.Contains(": no cuenta (", line, StringComparison.Ordinal));
        Assert.Equal(4, lines[7..].Length);
    }

    [Fact]
    public void Says_why_when_the_memory_was_not_measured()
    {
        var text = new StringBuilder();

        MemoryTable.Render(text, DotNetMemory.Unavailable("sin /proc"));

        Assert.Equal("Memoria residente de .NET tras la carga (.NET resident memory after the load): no medido (sin /proc)", text.ToString().Trim());
    }
}
