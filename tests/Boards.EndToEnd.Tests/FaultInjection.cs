using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Aspire.Hosting.ApplicationModel;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Local, bounded faults on the fixture's own processes: kill -9 a service, stop PostgreSQL abruptly (fast shutdown,
/// every session cut) and start it again. Each waits for its effect so a test knows the fault is real.
/// </summary>
public static partial class FaultInjection
{
    /// <summary>SIGKILL to every replica of a service (<paramref name="port"/> is replica 1's): the whole service is gone.</summary>
    public static Task KillServiceAsync(this BoardsAppFixture boards, string name, int port) =>
        Task.WhenAll(boards.ProcessesOf(name, port).Select(replica => boards.KillReplicaAsync(replica.Name, replica.Port)));

    /// <summary>
    /// SIGKILL to the process listening on <paramref name="port"/> (the service itself, not `dotnet run` or DCP):
    /// no shutdown hooks, in-flight requests and unacknowledged messages are cut as in a crash.
    /// </summary>
    public static async Task KillReplicaAsync(this BoardsAppFixture boards, string name, int port)
    {
        var pid = await ListenerPidAsync(port) ?? throw new InvalidOperationException($"Nadie escucha en el puerto {port} ({name}).");
        var command = await File.ReadAllTextAsync($"/proc/{pid}/cmdline");
        Assert.Contains("Boards.", command, StringComparison.OrdinalIgnoreCase);
        await Commands.RunAsync("kill", "-9", pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await WaitForPortAsync(port, open: false, TimeSpan.FromSeconds(20), $"{name} (pid {pid}) to die");
        await WaitForStateAsync(boards, name, state => state is not null && state != KnownResourceStates.Running, TimeSpan.FromSeconds(30));
    }

    /// <summary>Fast shutdown of the fixture's PostgreSQL (SIGINT to the postmaster): sessions are terminated (57P01), new ones refused.</summary>
    public static async Task StopPostgresAbruptlyAsync(this BoardsAppFixture boards)
    {
        var pidFile = Path.Combine(boards.DataDirectory, "postgres", "postmaster.pid");
        var pid = (await File.ReadAllLinesAsync(pidFile))[0].Trim();
        await Commands.RunAsync("kill", "-INT", pid);
        await WaitForPortAsync(BoardsAppFixture.PostgresPort, open: false, TimeSpan.FromSeconds(30), "PostgreSQL to shut down");
        await WaitForStateAsync(boards, "postgres", state => state is not null && state != KnownResourceStates.Running, TimeSpan.FromSeconds(30));

        // The postmaster closes its port before it has finished (shutdown checkpoint), and removes its lock file last.
        // A new one started before then finds the old lock file and refuses to start.
        await Eventually.Until(() => Task.FromResult(File.Exists(pidFile)), exists => !exists,
            TimeSpan.FromSeconds(30), $"the PostgreSQL postmaster (pid {pid}) to remove {pidFile}");
    }

    /// <summary>Starts PostgreSQL again through the AppHost (the same executable resource) and waits until it is healthy.</summary>
    public static async Task StartPostgresAsync(this BoardsAppFixture boards)
    {
        var commands = boards.App.Services.GetRequiredService<ResourceCommandService>();
        await Eventually.Until(() => commands.ExecuteCommandAsync("postgres", "resource-start"), r => r.Success, TimeSpan.FromSeconds(60),
            "postgres to start again");
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await boards.App.ResourceNotifications.WaitForResourceHealthyAsync("postgres", patience.Token);
        await WaitForPortAsync(BoardsAppFixture.PostgresPort, open: true, TimeSpan.FromSeconds(30), "PostgreSQL to listen");
    }

    public static bool PortOpen(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task WaitForPortAsync(int port, bool open, TimeSpan timeout, string what) =>
        await Eventually.Until(() => Task.FromResult(PortOpen(port)), now => now == open, timeout, what);

    private static async Task WaitForStateAsync(BoardsAppFixture boards, string name, Func<string?, bool> condition, TimeSpan timeout)
    {
        using var patience = new CancellationTokenSource(timeout);
        await boards.App.ResourceNotifications.WaitForResourceAsync(name, e => condition(e.Snapshot.State?.Text), patience.Token);
    }

    private static async Task<int?> ListenerPidAsync(int port)
    {
        var output = await Commands.RunAsync("ss", "-ltnpH", $"sport = :{port}");
        return ListenerPid().Match(output) is { Success: true } match
            ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    [GeneratedRegex(@"pid=(\d+)")]
    private static partial Regex ListenerPid();
}
