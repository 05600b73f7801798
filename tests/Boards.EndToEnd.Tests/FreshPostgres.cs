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
        await Commands.RunAsync("chown", "postgres:postgres", folder);
        await AsPostgresAsync(Path.Combine(Bin, "initdb"), "-D", Path.Combine(folder, "data"), "-U", "postgres",
            "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        await AsPostgresAsync(Path.Combine(Bin, "pg_ctl"), "-D", Path.Combine(folder, "data"),
            "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await AsPostgresAsync(Path.Combine(Bin, "pg_ctl"), "-D", Path.Combine(_folder, "data"), "-m", "immediate", "stop");
        Directory.Delete(_folder, recursive: true);
    }

    private static string Bin { get; } =
        Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin")).Order().Last();

    /// <summary>PostgreSQL's own tools, as its user; a start waits up to a minute.</summary>
    private static Task AsPostgresAsync(params string[] command) =>
        Commands.RunAsync("runuser", ["-u", "postgres", "--", .. command], environment: null, TimeSpan.FromMinutes(1));
}
