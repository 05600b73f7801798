using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Boards.EndToEnd.Tests.Ingress;

/// <summary>
/// nginx from Debian's packages in front of the portal(s) and the gateway(s), as production's ingress stands in front of
/// their pods: TLS with a certificate made at start, HTTP/2 to clients, the settings of <see cref="NginxConfig"/>. It runs
/// as a child process (daemon off) with its configuration, pid, logs and temporary files under
/// <c>&lt;E2E data&gt;/ingress</c>, and is stopped on dispose. Its access log names the upstream that served each
/// request (<see cref="ServedAsync"/>).
/// </summary>
public sealed partial class NginxIngress : IAsyncDisposable
{
    /// <summary>The portal and the REST API (/api/...) over TLS. Below Linux's ephemeral range, apart from the fixture's ports.</summary>
    public const int HttpsPort = 6443;
    /// <summary>gRPC over TLS.</summary>
    public const int GrpcTlsPort = 6444;
    /// <summary>gRPC over cleartext HTTP/2 (h2c).</summary>
    public const int GrpcCleartextPort = 6445;

    private static readonly string[] Candidates = ["/usr/sbin/nginx", "/usr/bin/nginx"];
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly string _prefix;
    private readonly string _configPath;

    private NginxIngress(Process process, string prefix, string configPath, IngressUpstreams upstreams, IngressCertificate certificate)
    {
        _process = process;
        _prefix = prefix;
        _configPath = configPath;
        Upstreams = upstreams;
        Certificate = certificate;
    }

    public IngressUpstreams Upstreams { get; }
    public IngressCertificate Certificate { get; }

    public static string HttpsUrl => $"https://localhost:{HttpsPort}";
    public static string GrpcTlsUrl => $"https://localhost:{GrpcTlsPort}";
    public static string GrpcCleartextUrl => $"http://localhost:{GrpcCleartextPort}";

    public static string Executable => Candidates.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("nginx no está instalado (apt-get install nginx; ./test.sh lo instala).");

    public static async Task<NginxIngress> StartAsync(string dataDirectory, IngressUpstreams upstreams)
    {
        var nginx = Executable;
        var prefix = Path.Combine(dataDirectory, "ingress");
        var configPath = Path.Combine(prefix, "nginx.conf");
        await StopLeftoverAsync(configPath);
        // Each start reads only its own requests in the access log.
        if (Directory.Exists(Path.Combine(prefix, "logs")))
        {
            Directory.Delete(Path.Combine(prefix, "logs"), recursive: true);
        }

        foreach (var folder in new[] { "logs", "temp" })
        {
            Directory.CreateDirectory(Path.Combine(prefix, folder));
        }

        var certificate = IngressCertificate.Create(Path.Combine(prefix, "tls"));
        await File.WriteAllTextAsync(configPath, NginxConfig.Render(prefix, upstreams, certificate, Environment.UserName == "root"));
        await Commands.RunAsync(nginx, "-t", "-q", "-p", prefix, "-c", configPath, "-e", Path.Combine(prefix, "logs", "error.log"));

        var start = new ProcessStartInfo(nginx) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-p", prefix, "-c", configPath, "-e", Path.Combine(prefix, "logs", "error.log") })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var ingress = new NginxIngress(process, prefix, configPath, upstreams, certificate);
        try
        {
            await ingress.WaitUntilListeningAsync();
        }
        catch
        {
            await ingress.DisposeAsync();
            throw;
        }

        return ingress;
    }

    /// <summary>One line of the access log: which listener, what nginx answered, and the upstream(s) it tried.</summary>
    public sealed record Served(int Port, int Status, string Upstream, string UpstreamStatus, string Request)
    {
        /// <summary>
        /// Passed to the first upstream nginx chose, with no failed attempt before it, which answered without a 5xx, or
        /// whose answer the client no longer waited for (499: a page left before its favicon came).
        /// </summary>
        public bool FirstTryHealthy => !Upstream.Contains(',', StringComparison.Ordinal) && Upstream != "-" &&
            (Status == 499 || int.TryParse(UpstreamStatus, out var status) && status < 500);

        public int UpstreamPort => int.Parse(Upstream[(Upstream.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The requests nginx finished so far (a live stream is logged when it closes).</summary>
    public async Task<IReadOnlyList<Served>> ServedAsync()
    {
        var path = Path.Combine(_prefix, "logs", "access.log");
        if (!File.Exists(path))
        {
            return [];
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [.. lines.Select(line => AccessLine().Match(line)).Where(m => m.Success).Select(m => new Served(
            int.Parse(m.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(m.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture),
            m.Groups["upstream"].Value, m.Groups["upstreamStatus"].Value, m.Groups["request"].Value))];
    }

    public async Task<string> ErrorLogAsync()
    {
        var path = Path.Combine(_prefix, "logs", "error.log");
        if (!File.Exists(path))
        {
            return "";
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    /// <summary>A fast stop (SIGTERM through nginx -s stop): open live streams would hold a graceful one.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await Commands.RunAsync(Executable, "-p", _prefix, "-c", _configPath, "-s", "stop");
            }
            catch (Exception) when (_process.HasExited)
            {
                // It ended on its own meanwhile.
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        Certificate.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow + StartLimit;
        int[] ports = [HttpsPort, GrpcTlsPort, GrpcCleartextPort];
        while (!ports.All(Accepts))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"nginx no quedó escuchando en {string.Join(", ", ports)} (código {(_process.HasExited ? _process.ExitCode : "-")}):\n{await ErrorLogAsync()}");
            }

            await Task.Delay(100);
        }
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// A run killed before its dispose leaves its nginx holding the ports (the data folder, and so its pid file, is
    /// emptied before each run). Only a master started with this very configuration file is stopped, by its id.
    /// </summary>
    private static async Task StopLeftoverAsync(string configPath)
    {
        if (!Directory.Exists("/proc"))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }

            string commandLine;
            try
            {
                commandLine = (await File.ReadAllTextAsync(Path.Combine(folder, "cmdline"))).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (commandLine.StartsWith("nginx: master process", StringComparison.Ordinal) && commandLine.Contains(configPath, StringComparison.Ordinal))
            {
                try
                {
                    using var leftover = Process.GetProcessById(pid);
                    leftover.Kill(entireProcessTree: true);
                    await leftover.WaitForExitAsync();
                }
                catch (ArgumentException)
                {
                    // It ended meanwhile.
                }
            }
        }
    }

    [GeneratedRegex("""port=(?<port>\d+) status=(?<status>\d+) upstream=(?<upstream>\S+(?:, \S+)*) upstream_status=(?<upstreamStatus>\S+(?:, \S+)*) request="(?<request>[^"]*)"$""")]
    private static partial Regex AccessLine();
}
