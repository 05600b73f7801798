using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Boards.EndToEnd.Tests.Ingress;
using Boards.EndToEnd.Tests.Mail;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using MonitoringClient = Boards.Monitoring.Contracts.Grpc.MonitoringService.MonitoringServiceClient;
using ReferralClient = Boards.Referrals.Contracts.Grpc.ReferralService.ReferralServiceClient;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// The whole system, started once through the AppHost in local mode: PostgreSQL and RabbitMQ from the OS packages, the
/// mail server, the identity provider, the services and the gateway. Ports differ from ./run.sh's so both can run side
/// by side. It runs scaled (Scale:Replicas=2): two processes of every service but identity, of the gateway and of the
/// portal, so every test here passes with each request and each message landing on either replica. Replica 2 is
/// "{name}-2" on the same ports plus <see cref="ReplicaPortOffset"/>.
/// The same tests run against either shape of the system (docs/architecture.md, "Two shapes"): the eight module
/// services, or every module in one process (BOARDS_E2E_SHAPE=monolith), which listens on each module's ports, so that
/// a test reaching "referrals" reaches the monolith. A test that stops one module alone runs only against the
/// services (<see cref="ServicesShapeOnly"/>): in one process a module cannot stop without the others.
/// </summary>
public sealed class BoardsAppFixture : IAsyncLifetime
{
    public const int IdentityPort = 6070;
    public const int GatewayPort = 6080;
    public const int GatewayGrpcPort = 6081;
    // Below Linux's ephemeral range (32768-60999): a client socket of an earlier test (even one in TIME_WAIT) could
    // otherwise hold the port, and PostgreSQL then fails with "could not bind ... Address already in use".
    public const int PostgresPort = 27432;
    public const int RabbitMqPort = 27672;
    public const int RabbitMqDistributionPort = 27682;
    public const int SmtpPort = 27525;
    public const int MailWebPort = 6095;
    public const int NeedsGrpcPort = 6132;
    public const int PortalPort = 6090;
    public const int Replicas = 2;
    public const int ReplicaPortOffset = 10000;

    private static readonly TimeSpan StartupLimit = TimeSpan.FromMinutes(6);

    /// <summary>The shape under test: BOARDS_E2E_SHAPE=monolith, or the services.</summary>
    public static readonly bool Monolith = string.Equals(Environment.GetEnvironmentVariable("BOARDS_E2E_SHAPE"), "monolith", StringComparison.OrdinalIgnoreCase);

    /// <summary>The trait of a test that stops one module's process alone: <c>--filter "Shape!=services"</c> leaves it out.</summary>
    public const string ShapeTrait = "Shape";
    public const string ServicesShapeOnly = "services";

    /// <summary>
    /// The trait of a test whose subject the shape cannot change (the portal's markup): it runs once, against the services,
    /// and the monolith run leaves it out with <c>Shape!=independent</c>.
    /// </summary>
    public const string ShapeIndependent = "independent";

    /// <summary>The modules that are one process in the monolith shape.</summary>
    public static readonly IReadOnlySet<string> ModuleServices = new HashSet<string>(StringComparer.Ordinal)
    {
        "membership", "monitoring", "needs", "notifications", "participation", "planning", "referrals", "servicedays",
    };

    /// <summary>The resource a service runs in: itself, or the monolith for a module in the monolith shape.</summary>
    public static string ResourceOf(string service) => Monolith && ModuleServices.Contains(service) ? "monolith" : service;

    private GrpcChannel? _channel;

    public DistributedApplication App { get; private set; } = null!;
    /// <summary>Where PostgreSQL and RabbitMQ keep their data (the fault tests read postmaster.pid there).</summary>
    public string DataDirectory { get; private set; } = "";
    public HttpClient Http { get; } = new() { BaseAddress = new Uri($"http://localhost:{GatewayPort}") };
    public Tokens Tokens { get; } = new($"http://localhost:{IdentityPort}/realms/boards");
    public ReferralClient Referrals { get; private set; } = null!;
    public MonitoringClient Monitoring { get; private set; } = null!;
    /// <summary>What the mail server (smtp4dev) received: the e-mail the system sent.</summary>
    public Mailbox Mailbox { get; } = new(new Uri($"http://localhost:{MailWebPort}"));
    public GrpcChannel Channel => _channel!;

    /// <summary>The web portal (browser tests).</summary>
    public string PortalUrl => $"http://localhost:{PortalPort}";

    public static string ReferralsDatabase => AdminConnectionString("referralsdb");

    private static string? s_dataDirectory;

    /// <summary>
    /// The superuser on <paramref name="database"/>, for tests that read every table: local mode gives postgres a
    /// random password kept in the data folder (secrets/postgres), as it does each service's role.
    /// </summary>
    public static string AdminConnectionString(string database, bool pooling = true)
    {
        var password = File.ReadAllText(Path.Combine(s_dataDirectory ?? throw new InvalidOperationException("The system has not started."), "secrets", "postgres")).Trim();
        return $"Host=127.0.0.1;Port={PostgresPort};Username=postgres;Password={password};Database={database}" + (pooling ? "" : ";Pooling=false;Timeout=10");
    }

    public async Task InitializeAsync()
    {
        var data = Environment.GetEnvironmentVariable("BOARDS_E2E_DATA_DIR") is { Length: > 0 } configured
            ? configured
            : Directory.CreateTempSubdirectory("boards-e2e-").FullName;
        // The postgres and rabbitmq users must reach their data folders inside it.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(data, (UnixFileMode)0b111_101_101);
        }

        DataDirectory = data;
        s_dataDirectory = data;

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Boards_AppHost>(
        [
            "Infrastructure:Mode=local",
            "Demo:SeedData=false",
            "Benchmark:Echo=true", // the matrix, fuzz and boundary tests cover it as the benchmark runs it
            $"Shape={(Monolith ? "monolith" : "services")}",
            $"Scale:Replicas={Replicas}",
            $"Scale:PortOffset={ReplicaPortOffset}",
            $"Infrastructure:DataDirectory={data}",
            $"Infrastructure:PostgresPort={PostgresPort}",
            $"Infrastructure:RabbitMqPort={RabbitMqPort}",
            $"Infrastructure:RabbitMqDistributionPort={RabbitMqDistributionPort}",
            $"Infrastructure:SmtpPort={SmtpPort}",
            $"Ports:Mail={MailWebPort}",
            $"Ports:Identity={IdentityPort}",
            $"Ports:Gateway={GatewayPort}",
            $"Ports:GatewayGrpc={GatewayGrpcPort}",
            "Ports:Referrals=6101", "Ports:ReferralsGrpc=6102",
            "Ports:Monitoring=6111", "Ports:MonitoringGrpc=6112",
            "Ports:Membership=6121", "Ports:MembershipGrpc=6122",
            "Ports:Needs=6131", $"Ports:NeedsGrpc={NeedsGrpcPort}",
            "Ports:ServiceDays=6141", "Ports:ServiceDaysGrpc=6142",
            "Ports:Planning=6151", "Ports:PlanningGrpc=6152",
            "Ports:Notifications=6161",
            "Ports:Participation=6171",
            "Ports:Monolith=6201", "Ports:MonolithGrpc=6202",
            $"Ports:Portal={PortalPort}",
        ], (options, _) => options.DisableDashboard = true);

        // Short deadlines for urgent referrals and a fast sweep, so the overdue path runs within a test. Personal data
        // is kept 20 seconds after closing, and only the admin's on-demand retention sweep removes it (PersonalDataTests).
        EachReplica(builder, "referrals", project => project
            .WithEnvironment("Referrals__OverdueSweepInterval", "00:00:01")
            .WithEnvironment("Referrals__Deadlines__Urgent__Accept", "00:00:06")
            .WithEnvironment("Referrals__Retention__AnonymiseClosedAfter", "00:00:20")
            .WithEnvironment("Referrals__Retention__AutomaticSweep", "false"));
        // Early warnings are evaluated every two seconds instead of five minutes (the portal's warnings page test).
        // The pulse's trust rule on 3 answers a quarter, so PulseFlowTests can craft a drop with a handful of answers.
        EachReplica(builder, "monitoring", project => project
            .WithEnvironment("Monitoring__EarlyWarnings__Interval", "00:00:02")
            .WithEnvironment("Monitoring__EarlyWarnings__TrustMinAnswers", "3"));
        // Notifications: the escalation chain in seconds (due soon 3 s before the 6 s urgent deadline, the focal point 4 s
        // after it, the analysts 8 s after), quick passes and retries, and the identity provider read afresh each time
        // (the tests create people). NotificationTests.
        EachReplica(builder, "notifications", project => project
            .WithEnvironment("Notifications__Deadlines__SweepInterval", "00:00:00.500")
            .WithEnvironment("Notifications__Deadlines__DueSoonBefore", "00:00:03")
            .WithEnvironment("Notifications__Deadlines__FocalPointAfter", "00:00:04")
            .WithEnvironment("Notifications__Deadlines__AnalystsAfter", "00:00:08")
            .WithEnvironment("Notifications__FanOut__Interval", "00:00:00.500")
            .WithEnvironment("Notifications__Email__PollInterval", "00:00:00.500")
            .WithEnvironment("Notifications__Email__RetryDelay", "00:00:00.500")
            .WithEnvironment("Notifications__Email__MaxRetryDelay", "00:00:02")
            .WithEnvironment("Notifications__Directory__CacheFor", "00:00:00")
            .WithEnvironment("Notifications__Reminders__SweepInterval", "00:00:01"));
        EachReplica(builder, "gateway", project => project
            .WithEnvironment("Gateway__RateLimit__PermitsPerSecond", "1000")
            .WithEnvironment("Gateway__RateLimit__Burst", "2000")
            .WithEnvironment("Gateway__Pulse__RateLimit__PermitsPerSecond", "100")
            .WithEnvironment("Gateway__Pulse__RateLimit__Burst", "200")
            // Every test calls from loopback; the open data's per-address limit itself is Boards.Gateway.Tests' to prove.
            .WithEnvironment("Gateway__OpenData__RateLimit__PermitsPerSecond", "1000")
            .WithEnvironment("Gateway__OpenData__RateLimit__Burst", "2000"));
        // The nginx ingress (IngressTests) serves the portal at its own https address: its sign-in and sign-out callbacks.
        builder.CreateResourceBuilder<ProjectResource>("identity")
            .WithEnvironment("Identity__Portal__RedirectUris__9", $"{NginxIngress.HttpsUrl}/signin-oidc")
            .WithEnvironment("Identity__Portal__PostLogoutRedirectUris__9", $"{NginxIngress.HttpsUrl}/signout-callback-oidc");

        App = await builder.BuildAsync();
        using var startup = new CancellationTokenSource(StartupLimit);
        await WaitForPortsToBeFreeAsync(startup.Token);
        await using (var diagnostics = StartupDiagnostics.Watch(App))
        {
            using var watch = CancellationTokenSource.CreateLinkedTokenSource(startup.Token);
            var failed = FirstFailureAsync(diagnostics, watch.Token);
            var ready = StartAndWaitForGatewayAsync(startup.Token);
            try
            {
                if (await Task.WhenAny(ready, failed) == failed)
                {
                    throw new InvalidOperationException(await failed + diagnostics.Report());
                }

                await ready;
            }
            catch (OperationCanceledException) when (startup.IsCancellationRequested)
            {
                throw new TimeoutException($"El sistema no estuvo listo en {StartupLimit.TotalMinutes:0} minutos.{diagnostics.Report()}");
            }

            await watch.CancelAsync();
        }

        _channel = GrpcChannel.ForAddress($"http://localhost:{GatewayGrpcPort}");
        Referrals = new ReferralClient(_channel);
        Monitoring = new MonitoringClient(_channel);
        await OfferSetup.OfferPrimaryCareEverywhereAsync(Http, await Tokens.ForUser("admin"));
    }

    /// <summary>
    /// Stops a service and waits until it no longer listens on <paramref name="port"/>. DCP runs projects through
    /// `dotnet run` and gives them about twelve seconds; a service still finishing its shutdown then is reported as
    /// "failed to stop" although it already closed its ports, so that answer alone is not trusted either way. Every
    /// replica stops (<paramref name="port"/> is replica 1's; the others' follow the offset).
    /// </summary>
    public async Task StopServiceAsync(string name, int port)
    {
        await Task.WhenAll(ProcessesOf(name, port).Select(replica => StopReplicaAsync(replica.Name, replica.Port)));
    }

    /// <summary>Stops one process: a service's replica ("referrals-2") or a single resource.</summary>
    public async Task StopReplicaAsync(string name, int port)
    {
        var result = await App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(name, "resource-stop");
        await Eventually.Until(() => Task.FromResult(PortOpen(port)), open => !open, TimeSpan.FromSeconds(30),
            $"{name} to stop listening on {port} (stop: {result.Success} {result.Message})");
    }

    /// <summary>Starts every stopped replica of a service again and waits until each is healthy.</summary>
    public async Task RestartServiceAsync(string name)
    {
        await Task.WhenAll(ProcessesOf(name, 0).Select(replica => RestartReplicaAsync(replica.Name)));
    }

    /// <summary>Starts one stopped process again (retrying while DCP still settles the stop) and waits until it is healthy.</summary>
    public async Task RestartReplicaAsync(string name)
    {
        var commands = App.Services.GetRequiredService<ResourceCommandService>();
        var result = await Eventually.Until(() => commands.ExecuteCommandAsync(name, "resource-start"), r => r.Success, TimeSpan.FromSeconds(90),
            $"{name} to start again");
        Assert.True(result.Success, result.Message);
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await App.ResourceNotifications.WaitForResourceHealthyAsync(name, patience.Token);
    }

    /// <summary>The processes of a service: "{name}" on <paramref name="port"/>, "{name}-i" on the port plus (i - 1) offsets.</summary>
    public static IEnumerable<(string Name, int Port)> ReplicasOf(string service, int port) =>
        Enumerable.Range(1, Replicas).Select(replica => (
            replica == 1 ? ResourceOf(service) : $"{ResourceOf(service)}-{replica}",
            port + (replica - 1) * ReplicaPortOffset));

    /// <summary>
    /// The processes a resource runs as: every replica of a scaled service, or the one process of a resource that is
    /// not scaled (identity, the mail server).
    /// </summary>
    public IEnumerable<(string Name, int Port)> ProcessesOf(string resource, int port)
    {
        var names = App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        return ReplicasOf(resource, port).Where(replica => names.Contains(replica.Name));
    }

    /// <summary>The same setting on every replica of a service.</summary>
    private static void EachReplica(IDistributedApplicationTestingBuilder builder, string service, Action<IResourceBuilder<ProjectResource>> configure)
    {
        foreach (var (name, _) in ReplicasOf(service, 0))
        {
            configure(builder.CreateResourceBuilder<ProjectResource>(name));
        }
    }

    private static bool PortOpen(int port)
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        Http.Dispose();
        Tokens.Dispose();
        Mailbox.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }

    private async Task StartAndWaitForGatewayAsync(CancellationToken cancellationToken)
    {
        await App.StartAsync(cancellationToken);
        foreach (var (gateway, _) in ReplicasOf("gateway", 0))
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(gateway, cancellationToken);
        }

        await App.ResourceNotifications.WaitForResourceHealthyAsync("mail", cancellationToken);
    }

    /// <summary>A previous run's servers may still be shutting down (RabbitMQ takes seconds): wait for their ports.</summary>
    private static async Task WaitForPortsToBeFreeAsync(CancellationToken cancellationToken)
    {
        int[] ports = [PostgresPort, RabbitMqPort, RabbitMqDistributionPort, SmtpPort, MailWebPort, IdentityPort, GatewayPort, GatewayGrpcPort];
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (ports.Where(PortOpen).ToList() is { Count: > 0 } busy)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Los puertos {string.Join(", ", busy)} siguen ocupados: ¿quedó corriendo una ejecución anterior?");
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>Fails fast (instead of waiting out the start-up timeout) when a resource exits with an error.</summary>
    private async Task<string> FirstFailureAsync(StartupDiagnostics diagnostics, CancellationToken cancellationToken)
    {
        await foreach (var update in App.ResourceNotifications.WatchAsync(cancellationToken))
        {
            diagnostics.Note(update);
            if (update.Snapshot.State?.Text == KnownResourceStates.FailedToStart ||
                update.Snapshot.ExitCode is { } code && code != 0)
            {
                return $"El recurso '{update.Resource.Name}' falló al iniciar ({update.Snapshot.State?.Text}, código {update.Snapshot.ExitCode}). ¿Quedó un proceso anterior ocupando su puerto?";
            }
        }

        return "La aplicación se detuvo antes de estar lista.";
    }

    public static Metadata Bearer(string token) => new() { { "Authorization", $"Bearer {token}" } };

    public Task StopResourceAsync(string name) => ExecuteAsync(name, "resource-stop");

    public Task StartResourceAsync(string name) => ExecuteAsync(name, "resource-start");

    private async Task ExecuteAsync(string resource, string command)
    {
        var commands = App.Services.GetRequiredService<ResourceCommandService>();
        var result = await commands.ExecuteCommandAsync(resource, command);
        Assert.True(result.Success, $"{command} {resource}: {result.Message}");
    }
}

[CollectionDefinition(Name)]
public sealed class BoardsCollection : ICollectionFixture<BoardsAppFixture>
{
    public const string Name = "Boards running through the AppHost";
}
