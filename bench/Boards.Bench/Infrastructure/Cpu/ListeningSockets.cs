using System.Globalization;

namespace Boards.Bench.Infrastructure.Cpu;

/// <summary>Which processes listen on a TCP port: the socket's inode from /proc/net/tcp(6), then /proc/*/fd.</summary>
public static class ListeningSockets
{
    private const string ListenState = "0A";

    /// <summary>The processes holding a listening socket on each port (ports nobody listens on are left out).</summary>
    public static IReadOnlyDictionary<int, IReadOnlySet<int>> Owners(IReadOnlyCollection<int> ports)
    {
        var portOfInode = new Dictionary<long, int>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists))
        {
            var text = File.ReadAllText(table);
            foreach (var port in ports)
            {
                foreach (var inode in Inodes(text, port))
                {
                    portOfInode[inode] = port;
                }
            }
        }

        var owners = new Dictionary<int, HashSet<int>>();
        foreach (var (pid, inode) in SocketsOfEveryProcess())
        {
            if (portOfInode.TryGetValue(inode, out var port))
            {
                (owners.TryGetValue(port, out var pids) ? pids : owners[port] = []).Add(pid);
            }
        }

        return owners.ToDictionary(o => o.Key, o => (IReadOnlySet<int>)o.Value);
    }

    /// <summary>
    /// The inodes of the sockets listening on <paramref name="port"/> in the text of /proc/net/tcp or tcp6: columns
    /// "sl local_address rem_address st … inode", the local address as HEXIP:HEXPORT, state 0A for LISTEN.
    /// </summary>
    public static IReadOnlyList<long> Inodes(string procNetTcp, int port)
    {
        var found = new List<long>();
        foreach (var line in procNetTcp.Split('\n').Skip(1))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length < 10 || columns[3] != ListenState)
            {
                continue;
            }

            var local = columns[1];
            var colon = local.LastIndexOf(':');
            if (colon > 0 && int.Parse(local.AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port
                && long.TryParse(columns[9], CultureInfo.InvariantCulture, out var inode) && inode != 0)
            {
                found.Add(inode);
            }
        }

        return found;
    }

    /// <summary>Every (pid, socket inode) readable under /proc; processes that end meanwhile or hide their fds are skipped.</summary>
    private static IEnumerable<(int Pid, long Inode)> SocketsOfEveryProcess()
    {
        foreach (var pid in ProcessTable.Pids())
        {
            string[] links;
            try
            {
                links = Directory.GetFiles($"/proc/{pid}/fd");
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var link in links)
            {
                var target = TryReadLink(link);
                if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal)
                    && long.TryParse(target.AsSpan(8, target.Length - 9), CultureInfo.InvariantCulture, out var inode))
                {
                    yield return (pid, inode);
                }
            }
        }
    }

    private static string? TryReadLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
