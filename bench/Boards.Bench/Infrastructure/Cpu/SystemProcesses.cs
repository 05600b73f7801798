using System.Globalization;

namespace Boards.Bench.Infrastructure.Cpu;

/// <summary>
/// Which process of the machine belongs to which part of the system. Anchors are the processes listening on the
/// system's ports, plus the orchestrator above them (DCP, which Aspire starts detached, and the AppHost it monitors);
/// every other process belongs to its nearest anchor among its ancestors (PostgreSQL's backends to the postmaster,
/// RabbitMQ's helpers to beam.smp). Processes under no anchor (other sessions, the kernel) belong to none. In the monolith
/// shape one process holds every module's ports: it is one anchor, the monolith (<see cref="OneRole"/>).
/// </summary>
public static class SystemProcesses
{
    private const string MonitorOption = "--monitor ";
    private const int MaxDepth = 64;

    /// <summary>Every process of the machine now, and the system's anchors among them (none when the system runs elsewhere).</summary>
    public static (IReadOnlyDictionary<int, ProcessInfo> Table, IReadOnlyDictionary<int, ProcessRole> Anchors) Find(BenchOptions options)
    {
        var ports = SystemPorts.For(options);
        var table = ProcessTable.Read();
        return (table, Anchors(table, ListeningSockets.Owners(ports.Keys.ToList()), ports));
    }

    public static IReadOnlyDictionary<int, ProcessRole> Anchors(IReadOnlyDictionary<int, ProcessInfo> table,
        IReadOnlyDictionary<int, IReadOnlySet<int>> portOwners, IReadOnlyDictionary<int, ProcessRole> portRoles)
    {
        var anchors = new Dictionary<int, ProcessRole>();
        foreach (var (pid, roles) in RolesByPid(portOwners, portRoles))
        {
            var owner = table.GetValueOrDefault(pid);
            // A port DCP proxies is DCP's, not the service's (Boards binds its own, isProxied: false).
            anchors[pid] = owner is not null && IsDcp(owner) ? ProcessRole.Dcp
                : owner is not null && IsMonolith(owner) ? ProcessRole.Monolith
                : OneRole(roles);
        }

        // The dashboard, wherever its OTLP port is: the telemetry receiver is never counted in with anything else.
        foreach (var (pid, process) in table)
        {
            if (IsDashboard(process))
            {
                anchors[pid] = ProcessRole.Dashboard;
            }
        }

        // Up from each listening process, through DCP, the AppHost and `dotnet run` wrappers, to anything else.
        foreach (var pid in anchors.Keys.ToList())
        {
            var parent = table.TryGetValue(pid, out var process) ? process.Stat.ParentPid : 0;
            while (parent > 1 && !anchors.ContainsKey(parent) && table.TryGetValue(parent, out var above))
            {
                if (IsDcp(above))
                {
                    anchors[parent] = ProcessRole.Dcp;
                }
                else if (IsAppHost(above))
                {
                    anchors[parent] = ProcessRole.AppHost;
                }
                else if (above.Stat.Comm != "dotnet")
                {
                    break;
                }

                parent = above.Stat.ParentPid;
            }
        }

        // `dcp start-apiserver --monitor <AppHost pid> --detach`: DCP names the AppHost it serves.
        foreach (var (pid, process) in table)
        {
            if (IsDcp(process) && MonitoredPid(process.CommandLine) is { } monitored
                && table.TryGetValue(monitored, out var appHost) && IsAppHost(appHost))
            {
                anchors.TryAdd(pid, ProcessRole.Dcp);
                anchors.TryAdd(monitored, ProcessRole.AppHost);
            }
        }

        return anchors;
    }

    /// <summary>
    /// One row for a process that listens on several ports: the monolith may listen on every module's own port, and must
    /// not be named after whichever of them came first. Services of one process that is not the monolith are named
    /// together ("needs+referrals"); a mix of other roles keeps the one of the lowest port.
    /// </summary>
    public static ProcessRole OneRole(IReadOnlyList<ProcessRole> roles)
    {
        var distinct = roles.Distinct().ToList();
        return distinct.Count > 1 && distinct.All(role => role.Kind == ProcessKind.Service)
            ? ProcessRole.Service(string.Join('+', distinct.Select(role => role.Name).Order(StringComparer.Ordinal)))
            : distinct[0];
    }

    /// <summary>Its own executable (the name is cut to 15 characters, which "Boards.Monolith" fits exactly) or its dll run by dotnet.</summary>
    public static bool IsMonolith(ProcessInfo process) =>
        process.Stat.Comm == "Boards.Monolith" || process.CommandLine.Contains("Boards.Monolith", StringComparison.Ordinal);

    /// <summary>Each role's CPU so far: the <see cref="ProcStat.TotalTicks"/> of every live process that belongs to it.</summary>
    public static IReadOnlyDictionary<ProcessRole, GroupTicks> Group(IReadOnlyDictionary<int, ProcessInfo> table, IReadOnlyDictionary<int, ProcessRole> anchors)
    {
        var groups = new Dictionary<ProcessRole, GroupTicks>();
        foreach (var (pid, process) in table)
        {
            if (RoleOf(table, anchors, pid) is { } role)
            {
                var sum = groups.GetValueOrDefault(role, new GroupTicks(0, 0));
                groups[role] = new GroupTicks(sum.Ticks + process.Stat.TotalTicks, sum.Processes + 1);
            }
        }

        return groups;
    }

    public static ProcessRole? RoleOf(IReadOnlyDictionary<int, ProcessInfo> table, IReadOnlyDictionary<int, ProcessRole> anchors, int pid)
    {
        for (var depth = 0; depth < MaxDepth && pid > 0; depth++)
        {
            if (anchors.TryGetValue(pid, out var role))
            {
                return role;
            }

            pid = table.TryGetValue(pid, out var process) ? process.Stat.ParentPid : 0;
        }

        return null;
    }

    /// <summary>The roles of the ports each process listens on, in the order of the ports.</summary>
    private static Dictionary<int, List<ProcessRole>> RolesByPid(IReadOnlyDictionary<int, IReadOnlySet<int>> portOwners, IReadOnlyDictionary<int, ProcessRole> portRoles)
    {
        var roles = new Dictionary<int, List<ProcessRole>>();
        foreach (var (port, pids) in portOwners.OrderBy(owner => owner.Key))
        {
            if (portRoles.TryGetValue(port, out var role))
            {
                foreach (var pid in pids)
                {
                    (roles.TryGetValue(pid, out var found) ? found : roles[pid] = []).Add(role);
                }
            }
        }

        return roles;
    }

    /// <summary>The pid after "--monitor " in a DCP command line, if there is one.</summary>
    public static int? MonitoredPid(string commandLine)
    {
        var at = commandLine.IndexOf(MonitorOption, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var digits = new string(commandLine[(at + MonitorOption.Length)..].TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    /// <summary>Its own executable (the name is cut to 15 characters) or its dll run by dotnet.</summary>
    private static bool IsDashboard(ProcessInfo process) =>
        process.Stat.Comm.StartsWith("Aspire.Dashboar", StringComparison.Ordinal)
        || (process.Stat.Comm == "dotnet" && process.CommandLine.Contains("Aspire.Dashboard.dll", StringComparison.Ordinal));

    private static bool IsDcp(ProcessInfo process) => process.Stat.Comm.StartsWith("dcp", StringComparison.Ordinal);

    private static bool IsAppHost(ProcessInfo process) => process.CommandLine.Contains("Boards.AppHost", StringComparison.Ordinal);
}

/// <summary>The summed CPU ticks of a role's live processes, and how many there were.</summary>
public sealed record GroupTicks(long Ticks, int Processes);
