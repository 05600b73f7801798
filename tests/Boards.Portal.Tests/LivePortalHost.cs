using System.Collections.Concurrent;
using Boards.Notifications.Contracts.Events;
using Boards.Portal.Live;
using MassTransit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Boards.Portal.Tests;

/// <summary>
/// The portal in-process with focal.pilar signed in (<see cref="TestSignIn"/>) and the REAL RabbitMQ of the integration
/// tests (BOARDS_TEST_RABBITMQ, or the broker eng/infra.sh starts), its live queue going <see cref="IdleTime"/> after
/// the last stream. It counts the notifications its own bus consumed, on any endpoint.
/// </summary>
public sealed class LivePortalHost : WebApplicationFactory<Program>
{
    public static readonly TimeSpan IdleTime = TimeSpan.FromSeconds(2);

    private readonly PortalDatabase _database = new();

    public static string Broker =>
        Environment.GetEnvironmentVariable("BOARDS_TEST_RABBITMQ") is { Length: > 0 } configured ? configured : "amqp://guest:guest@127.0.0.1:56672";

    public ConsumedNotifications Consumed { get; } = new();

    public LiveQueue Queue => Services.GetRequiredService<LiveQueue>();

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Starts the portal (and its bus) and starts counting what it consumes.</summary>
    public void Start()
    {
        _ = Server;
        Services.GetRequiredService<IBus>().ConnectConsumeObserver(Consumed);
    }

    /// <summary>Publishes, on the portal's own bus, a notification for focal.pilar: only the portal consumes it.</summary>
    public async Task<Guid> NotifyFocalPointAsync()
    {
        var id = Guid.NewGuid();
        await Services.GetRequiredService<IBus>().Publish(new NotificationCreated
        {
            NotificationId = id, RecipientSubject = "sub-focal-pilar", Kind = "referral_requested", OccurredAt = DateTimeOffset.UtcNow,
        });
        return id;
    }

    /// <summary>
    /// Whether the queue exists. The portal's live queue is exclusive to the portal's connection: the broker then
    /// refuses to show it to another (RESOURCE_LOCKED) rather than saying it is not there (NOT_FOUND).
    /// </summary>
    public static async Task<bool> QueueExistsAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(Broker) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(queue);
            return true;
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode is 404 or 405)
        {
            return exception.ShutdownReason.ReplyCode == 405;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:portaldb", _database.ConnectionString);
        builder.UseSetting("ConnectionStrings:rabbitmq", Broker);
        builder.UseSetting("Portal:LiveQueueIdleSeconds", IdleTime.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Identity:Authority", "http://127.0.0.1:9/realms/boards");
        builder.UseSetting("Identity:RequireHttpsMetadata", "false");
        builder.UseSetting("Portal:GatewayUrl", "http://127.0.0.1:9");
        builder.ConfigureTestServices(services => services.AddAuthentication(auth =>
            {
                auth.DefaultScheme = TestSignIn.SchemeName;
                auth.DefaultChallengeScheme = TestSignIn.SchemeName;
            })
            .AddScheme<AuthenticationSchemeOptions, TestSignIn>(TestSignIn.SchemeName, _ => { }));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DropAsync();
    }
}

/// <summary>The ids of the notifications a bus consumed (every endpoint, those connected later too).</summary>
public sealed class ConsumedNotifications : IConsumeObserver
{
    private readonly ConcurrentQueue<Guid> _ids = new();

    public bool Of(Guid notificationId) => _ids.Contains(notificationId);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is NotificationCreated created)
        {
            _ids.Enqueue(created.NotificationId);
        }

        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
