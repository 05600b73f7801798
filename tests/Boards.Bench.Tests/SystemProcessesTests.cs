namespace Boards.Bench.Tests;

public sealed class SystemProcessesTests
{
    private static readonly ProcessRole Gateway = ProcessRole.Service("gateway");
    private static readonly ProcessRole Referrals = ProcessRole.Service("referrals");

    private static readonly Dictionary<int, ProcessRole> PortRoles = new()
    {
        [5080] = Gateway, [5081] = Gateway, [5101] = Referrals, [55432] = ProcessRole.Postgres, [55672] = ProcessRole.RabbitMq, [18889] = ProcessRole.Dashboard,
    };

    /// <summary>
    /// A local system as Aspire lays it out: `dotnet run` (10) → the AppHost (11); DCP started detached (parent 1) and
    /// monitoring the AppHost; the services, the dashboard, PostgreSQL and RabbitMQ under DCP, each server with its
    /// own children; and processes of other sessions, among them another PostgreSQL.
    /// </summary>
    private static readonly Dictionary<int, ProcessInfo> Machine = Table(
        (10, 9, "dotnet", "dotnet run --project AppHost/Boards.AppHost -c Release", 5),
        (11, 10, "Boards.AppHost", "/w/AppHost/Boards.AppHost/bin/Release/net10.0/Boards.AppHost", 300),
        (20, 1, "dcp", "/root/.nuget/packages/aspire.hosting.orchestration.linux-x64/13.6.5/tools/dcp start-apiserver --monitor 11 --detach --kubeconfig /tmp/k", 80),
        (21, 20, "dcp", "dcp run-controllers --kubeconfig /tmp/k", 40),
        (30, 21, "Boards.Gateway", "/w/gateways/Gateway/Boards.Gateway/bin/Release/net10.0/Boards.Gateway", 700),
        (31, 21, "Boards.Referrals", "/w/services/Referrals/Boards.Referrals/bin/Release/net10.0/Boards.Referrals", 2000),
        (32, 21, "Aspire.Dashboar", "/root/.nuget/packages/aspire.dashboard.sdk.linux-x64/13.6.5/tools/Aspire.Dashboard", 1500),
        (40, 21, "postgres", "/usr/lib/postgresql/15/bin/postgres -D /w/bench/.data/postgres -p 55432", 100),
        (41, 40, "postgres", "postgres: referrals referralsdb 127.0.0.1(5000) idle", 900),
        (42, 40, "postgres", "postgres: monitoring monitoringdb 127.0.0.1(5001) idle", 600),
        (50, 21, "beam.smp", "/usr/lib/erlang/erts-13.1.5/bin/beam.smp -- -root /usr/lib/erlang -s rabbit boot", 400),
        (51, 50, "erl_child_setup", "erl_child_setup 65536", 1),
        (60, 1, "postgres", "/usr/lib/postgresql/15/bin/postgres -D /work/main/.data/test-infra/postgres -p 56432", 5000),
        (61, 60, "postgres", "postgres: checkpointer", 50),
        (70, 9, "bash", "bash bench.sh", 3));

    private static readonly Dictionary<int, IReadOnlySet<int>> PortOwners = new()
    {
        [5080] = new HashSet<int> { 30 }, [5081] = new HashSet<int> { 30 }, [5101] = new HashSet<int> { 31 },
        [55432] = new HashSet<int> { 40 }, [55672] = new HashSet<int> { 50 }, [18889] = new HashSet<int> { 32 },
    };

    [Fact]
    public void Finds_each_listening_process_and_the_orchestrator_above_it()
    {
        var anchors = SystemProcesses.Anchors(Machine, PortOwners, PortRoles);

        Assert.Equal(Gateway, anchors[30]);
        Assert.Equal(Referrals, anchors[31]);
        Assert.Equal(ProcessRole.Dashboard, anchors[32]);
        Assert.Equal(ProcessRole.Postgres, anchors[40]);
        Assert.Equal(ProcessRole.RabbitMq, anchors[50]);
        Assert.Equal(ProcessRole.Dcp, anchors[21]);
        Assert.Equal(ProcessRole.Dcp, anchors[20]);
        Assert.Equal(ProcessRole.AppHost, anchors[11]);
        Assert.DoesNotContain(60, anchors.Keys);
        Assert.DoesNotContain(70, anchors.Keys);
    }

    [Fact]
    public void Puts_children_with_their_server_and_leaves_other_sessions_out()
    {
        var anchors = SystemProcesses.Anchors(Machine, PortOwners, PortRoles);

        var groups = SystemProcesses.Group(Machine, anchors);

        Assert.Equal(new GroupTicks(1600, 3), groups[ProcessRole.Postgres]);
        Assert.Equal(new GroupTicks(401, 2), groups[ProcessRole.RabbitMq]);
        Assert.Equal(new GroupTicks(120, 2), groups[ProcessRole.Dcp]);
        Assert.Equal(new GroupTicks(300, 1), groups[ProcessRole.AppHost]);
        Assert.Equal(new GroupTicks(2000, 1), groups[Referrals]);
        Assert.Equal(new GroupTicks(1500, 1), groups[ProcessRole.Dashboard]);
        Assert.Null(SystemProcesses.RoleOf(Machine, anchors, 61));
        Assert.Null(SystemProcesses.RoleOf(Machine, anchors, 10));
    }

    [Fact]
    public void Finds_a_dcp_that_was_not_detached_by_walking_up_from_the_services()
    {
        var table = Table(
            (11, 10, "Boards.AppHost", "/w/Boards.AppHost", 1),
            (20, 11, "dcp", "dcp start-apiserver --kubeconfig /tmp/k", 1),
            (30, 20, "dotnet", "dotnet run --project Boards.Gateway.csproj", 1),
            (31, 30, "Boards.Gateway", "/w/Boards.Gateway", 1));

        var anchors = SystemProcesses.Anchors(table, new Dictionary<int, IReadOnlySet<int>> { [5080] = new HashSet<int> { 31 } }, PortRoles);

        Assert.Equal(ProcessRole.Dcp, anchors[20]);
        Assert.Equal(ProcessRole.AppHost, anchors[11]);
        Assert.Equal(ProcessRole.Dcp, SystemProcesses.RoleOf(table, anchors, 30));
    }

    [Fact]
    public void Gives_a_port_dcp_proxies_to_dcp_and_finds_the_dashboard_by_its_command_line()
    {
        var table = Table(
            (20, 1, "dcp", "dcp start-apiserver --monitor 11 --detach", 1),
            (32, 20, "Aspire.Dashboar", "/p/aspire.dashboard.sdk.linux-x64/13.6.5/tools/Aspire.Dashboard", 1));

        var anchors = SystemProcesses.Anchors(table, new Dictionary<int, IReadOnlySet<int>> { [18889] = new HashSet<int> { 20 } }, PortRoles);

        Assert.Equal(ProcessRole.Dcp, anchors[20]);
        Assert.Equal(ProcessRole.Dashboard, anchors[32]);
    }

    [Fact]
    public void Makes_the_monolith_one_row_whichever_module_ports_it_also_holds()
    {
        var ports = SystemPorts.For(new BenchOptions());
        var table = Table(
            (20, 1, "dcp", "dcp start-apiserver --monitor 11 --detach", 1),
            (30, 20, "Boards.Gateway", "/w/Boards.Gateway", 1),
            (31, 20, "Boards.Monolith", "/w/services/Monolith/Boards.Monolith/bin/Release/net10.0/Boards.Monolith", 1));
        var owners = new Dictionary<int, IReadOnlySet<int>>
        {
            [5080] = new HashSet<int> { 30 }, [5081] = new HashSet<int> { 30 },
            [5101] = new HashSet<int> { 31 }, [5111] = new HashSet<int> { 31 }, [5121] = new HashSet<int> { 31 }, [5201] = new HashSet<int> { 31 },
        };

        var anchors = SystemProcesses.Anchors(table, owners, ports);

        Assert.Equal(ProcessRole.Monolith, anchors[31]);
        Assert.Equal(Gateway, anchors[30]);
        Assert.Equal(new GroupTicks(1, 1), SystemProcesses.Group(table, anchors)[ProcessRole.Monolith]);
        Assert.Equal(BenchMode.Monolith, BenchModes.Detect(anchors.Values));
    }

    [Fact]
    public void Finds_the_monolith_on_its_own_ports_even_when_run_as_a_dll()
    {
        var ports = SystemPorts.For(new BenchOptions());
        var table = Table((31, 1, "dotnet", "dotnet /w/Boards.Monolith.dll", 1));

        var anchors = SystemProcesses.Anchors(table, new Dictionary<int, IReadOnlySet<int>> { [5202] = new HashSet<int> { 31 } }, ports);

        Assert.Equal(ProcessRole.Monolith, anchors[31]);
        Assert.Equal((ProcessRole.Monolith, ProcessRole.Monolith), (ports[5201], ports[5202]));
    }

    [Fact]
    public void Names_another_process_holding_several_services_ports_after_all_of_them_never_after_whichever_port_came_first()
    {
        var anchors = SystemProcesses.Anchors(Table((31, 1, "Boards.Combined", "/w/Boards.Combined", 1)),
            new Dictionary<int, IReadOnlySet<int>> { [5131] = new HashSet<int> { 31 }, [5101] = new HashSet<int> { 31 } }, SystemPorts.For(new BenchOptions()));

        Assert.Equal(ProcessRole.Service("needs+referrals"), anchors[31]);
    }

    [Fact]
    public void Keeps_one_role_for_a_process_on_two_ports_of_the_same_part()
    {
        Assert.Equal(Gateway, SystemProcesses.OneRole([Gateway, Gateway]));
        Assert.Equal(ProcessRole.Dashboard, SystemProcesses.OneRole([ProcessRole.Dashboard, ProcessRole.AppHost]));
    }

    [Theory]
    [InlineData("dcp start-apiserver --monitor 4242 --detach --kubeconfig /tmp/k", 4242)]
    [InlineData("dcp start-apiserver --detach", null)]
    [InlineData("dcp --monitor x", null)]
    public void Reads_the_pid_dcp_monitors(string commandLine, int? expected) =>
        Assert.Equal(expected, SystemProcesses.MonitoredPid(commandLine));

    internal static Dictionary<int, ProcessInfo> Table(params (int Pid, int Parent, string Comm, string CommandLine, long Ticks)[] processes) =>
        processes.ToDictionary(p => p.Pid, p => new ProcessInfo(new ProcStat(p.Pid, p.Comm, 'S', p.Parent, p.Ticks, 0, 0, 0, 1), p.CommandLine));
}
