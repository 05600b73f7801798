using System.Diagnostics;

namespace Boards.EndToEnd.Tests;

/// <summary>An empty PostgreSQL server of the same version, on loopback with trust auth, removed at the end.</summary>
public sealed class FreshPostgres : IAsyncDisposable
{
    private readonly string _folder;
    private readonly int _port;

    private FreshPostgres(string folder, int port)
    {
        _folder = folder;
        _port = port;
    }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=false";

    public static async Task<FreshPostgres> StartAsync(string folder, int port)
    {
        var server = new FreshPostgres(folder, port);
        Directory.CreateDirectory(folder);
        await RunAsync("chown", "postgres:postgres", folder);
        await RunAsync("runuser", "-u", "postgres", "--", Path.Combine(Bin, "initdb"), "-D", Path.Combine(folder, "data"), "-U", "postgres",
            "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        await RunAsync("runuser", "-u", "postgres", "--", Path.Combine(Bin, "pg_ctl"), "-D", Path.Combine(folder, "data"),
            "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("runuser", "-u", "postgres", "--", Path.Combine(Bin, "pg_ctl"), "-D", Path.Combine(_folder, "data"), "-m", "immediate", "stop");
        Directory.Delete(_folder, recursive: true);
    }

    private static string Bin { get; } =
        Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin")).Order().Last();

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)}: exit {process.ExitCode}\n{await output}\n{error}");
    }
}
