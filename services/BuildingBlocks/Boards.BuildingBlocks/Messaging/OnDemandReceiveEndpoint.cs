using System.Text;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Boards.BuildingBlocks.Messaging;

/// <summary>
/// A temporary receive endpoint of this process's own (a non-durable, auto-deleted queue) that is connected only while
/// someone listens: the first listener connects it, and once the last one has been gone for
/// <see cref="OnDemandEndpointSettings.IdleTime"/> it is stopped, so the broker deletes its queue and with it the
/// bindings (a listener that comes back meanwhile finds it still consuming). While it is not connected, the events it
/// would consume are not delivered to this process at all: nobody listening costs neither the broker nor the process a
/// message. Each connection gets a queue of a new name, so a stop and the next start never meet on one queue. On
/// RabbitMQ the queue is exclusive to the bus's connection and auto-deleted: the broker deletes it, with its bindings,
/// when the endpoint stops or the connection goes.
/// </summary>
/// <remarks>
/// <see cref="IsConsuming"/> (and <see cref="OnDemandEndpointSettings.Consuming"/> /
/// <see cref="OnDemandEndpointSettings.NotConsuming"/>) follow the endpoint: consuming from the moment it is ready (queue
/// declared, bound, consumer started) until it stops, faults (broker lost, queue deleted) or is stopped for being idle.
/// A listener that must not miss a message waits for <see cref="WaitUntilConsumingAsync"/> after
/// <see cref="ListenAsync"/>: from then on everything published reaches it, until <c>NotConsuming</c>.
/// </remarks>
public sealed partial class OnDemandReceiveEndpoint : IAsyncDisposable
{
    private readonly IReceiveEndpointConnector _connector;
    private readonly OnDemandEndpointSettings _settings;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly string _host = MachinePart();

    // Connecting and stopping, one at a time: a listener that arrives while the idle endpoint stops connects a new one after.
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly Lock _gate = new();
    private bool _disposed;
    private int _listeners;
    private CancellationTokenSource? _idle;
    private HostReceiveEndpointHandle? _handle;
    private string? _queueName;
    private long _generation;
    private TaskCompletionSource _consuming = NewLatch();

    public OnDemandReceiveEndpoint(IReceiveEndpointConnector connector, OnDemandEndpointSettings settings, TimeProvider clock, ILogger logger)
    {
        _connector = connector;
        _settings = settings;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>The name of the queue while the endpoint is connected (ready or not); null while it is not.</summary>
    public string? QueueName
    {
        get
        {
            lock (_gate)
            {
                return _queueName;
            }
        }
    }

    public int Listeners
    {
        get
        {
            lock (_gate)
            {
                return _listeners;
            }
        }
    }

    /// <summary>Whether the endpoint consumes right now: everything published from now on reaches this process.</summary>
    public bool IsConsuming
    {
        get
        {
            lock (_gate)
            {
                return _consuming.Task.IsCompleted;
            }
        }
    }

    /// <summary>
    /// One more listener: connects the endpoint if it is not connected (it may not be consuming yet when this returns).
    /// Dispose the result when done listening. A connection that fails is logged, not thrown: the endpoint then does not
    /// consume, and the next listener tries again.
    /// </summary>
    public async Task<IDisposable> ListenAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _listeners++;
            _idle?.Cancel();
            _idle = null;
        }

        var listener = new Listener(this);
        try
        {
            await _connecting.WaitAsync(cancellationToken);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        try
        {
            if (QueueName is null)
            {
                Connect();
            }
        }
        finally
        {
            _connecting.Release();
        }

        return listener;
    }

    /// <summary>Waits at most <paramref name="patience"/> for the endpoint to consume; false if it does not by then.</summary>
    public async Task<bool> WaitUntilConsumingAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        Task consuming;
        lock (_gate)
        {
            consuming = _consuming.Task;
        }

        try
        {
            await consuming.WaitAsync(patience, _clock, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Drops a pending stop: the bus stops the endpoint itself when the host stops.</summary>
    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposed = true;
            _idle?.Cancel();
            _idle = null;
        }

        return ValueTask.CompletedTask;
    }

    private void Connect()
    {
        var name = $"{_settings.QueuePrefix}-{_host}-{Guid.NewGuid().ToString("N")[..8]}";
        long generation;
        lock (_gate)
        {
            generation = ++_generation;
        }

        try
        {
            var observer = new StateObserver(this, generation);
            var handle = _connector.ConnectReceiveEndpoint(new Definition(name, _settings.ConcurrentMessageLimit), DefaultEndpointNameFormatter.Instance,
                (context, endpoint) =>
                {
                    // Here, before the endpoint starts: it cannot be ready before the observer hears it.
                    endpoint.ConnectReceiveEndpointObserver(observer);
                    if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                    {
                        // MassTransit gives a temporary queue a one-minute x-expires instead of auto-delete, and an
                        // exclusive queue lives as long as the bus's connection: stopped, it would go on taking every
                        // event for a minute. Without it the queue is auto-deleted (and exclusive): gone at the stop.
                        rabbit.QueueExpiration = null;
                    }

                    _settings.Configure(context, endpoint);
                });
            lock (_gate)
            {
                _handle = handle;
                _queueName = name;
            }

            LogConnected(_logger, name);
        }
        catch (Exception exception)
        {
            LogConnectFailed(_logger, exception, name);
        }
    }

    private void Leave()
    {
        CancellationTokenSource idle;
        lock (_gate)
        {
            if (--_listeners > 0)
            {
                return;
            }

            _idle?.Cancel();
            idle = _idle = new CancellationTokenSource();
        }

        _ = StopWhenIdleAsync(idle);
    }

    private async Task StopWhenIdleAsync(CancellationTokenSource idle)
    {
        try
        {
            await Task.Delay(_settings.IdleTime > TimeSpan.Zero ? _settings.IdleTime : TimeSpan.Zero, _clock, idle.Token);
            await _connecting.WaitAsync(idle.Token);
        }
        catch (OperationCanceledException)
        {
            ForgetIdle(idle);
            return;
        }

        try
        {
            HostReceiveEndpointHandle? handle;
            string? name;
            lock (_gate)
            {
                // A listener came meanwhile (it found the endpoint still there), or the host is stopping.
                if (_listeners > 0 || idle.IsCancellationRequested || _disposed || _handle is null)
                {
                    return;
                }

                handle = _handle;
                name = _queueName;
                _handle = null;
                _queueName = null;
            }

            try
            {
                await handle.StopAsync(CancellationToken.None);
                LogStopped(_logger, name, _settings.IdleTime.TotalSeconds);
            }
            catch (Exception exception)
            {
                LogStopFailed(_logger, exception, name);
            }

            // Whatever the endpoint said while stopping, it consumes no more; anything it says later is ignored.
            lock (_gate)
            {
                _generation++;
            }

            MarkNotConsuming();
        }
        finally
        {
            _connecting.Release();
            ForgetIdle(idle);
        }
    }

    /// <summary>Disposes a pending stop's token once nobody can cancel it any more.</summary>
    private void ForgetIdle(CancellationTokenSource idle)
    {
        lock (_gate)
        {
            if (_idle == idle)
            {
                _idle = null;
            }
        }

        idle.Dispose();
    }

    private void MarkConsuming(long generation)
    {
        lock (_gate)
        {
            if (generation != _generation)
            {
                return;
            }

            _consuming.TrySetResult();
            // Under the lock, so that the callbacks come in the order of the endpoint's events.
            _settings.Consuming?.Invoke();
        }
    }

    private void MarkNotConsuming(long? generation = null)
    {
        lock (_gate)
        {
            if (generation is { } of && of != _generation)
            {
                return;
            }

            if (_consuming.Task.IsCompleted)
            {
                _consuming = NewLatch();
            }

            _settings.NotConsuming?.Invoke();
        }
    }

    private static TaskCompletionSource NewLatch() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The machine's name as a queue name may hold it: lower case, letters, digits and dashes, at most 30.</summary>
    private static string MachinePart()
    {
        var machine = new StringBuilder();
        foreach (var c in Environment.MachineName.ToLowerInvariant())
        {
            machine.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return machine.Length > 30 ? machine.ToString(0, 30) : machine.ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected the on-demand receive endpoint {Queue}: a listener arrived")]
    private static partial void LogConnected(ILogger logger, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect the on-demand receive endpoint {Queue}; the next listener tries again")]
    private static partial void LogConnectFailed(ILogger logger, Exception exception, string queue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped the on-demand receive endpoint {Queue}: nobody listened for {IdleSeconds} s")]
    private static partial void LogStopped(ILogger logger, string? queue, double idleSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping the on-demand receive endpoint {Queue} failed; the broker deletes its queue with the connection")]
    private static partial void LogStopFailed(ILogger logger, Exception exception, string? queue);

    private sealed class Listener(OnDemandReceiveEndpoint endpoint) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                endpoint.Leave();
            }
        }
    }

    /// <summary>Temporary (MassTransit makes its RabbitMQ queue non-durable and auto-deleted), under a name of our own.</summary>
    private sealed class Definition(string name, int? concurrentMessageLimit) : IEndpointDefinition
    {
        public bool IsTemporary => true;
        public int? PrefetchCount => null;
        public int? ConcurrentMessageLimit => concurrentMessageLimit;
        public bool ConfigureConsumeTopology => true;

        public string GetEndpointName(IEndpointNameFormatter formatter) => name;

        public void Configure<T>(T configurator, IRegistrationContext? context = null)
            where T : IReceiveEndpointConfigurator
        {
        }
    }

    /// <summary>One connection's events; those of an earlier connection (a late event of a stopped endpoint) are ignored.</summary>
    private sealed class StateObserver(OnDemandReceiveEndpoint endpoint, long generation) : IReceiveEndpointObserver
    {
        public Task Ready(ReceiveEndpointReady ready)
        {
            // Not started: the transport has its connection but no consumer yet (MassTransit says "ready" then too).
            if (ready.IsStarted)
            {
                endpoint.MarkConsuming(generation);
            }

            return Task.CompletedTask;
        }

        public Task Stopping(ReceiveEndpointStopping stopping) => Lost();

        public Task Completed(ReceiveEndpointCompleted completed) => Lost();

        public Task Faulted(ReceiveEndpointFaulted faulted) => Lost();

        private Task Lost()
        {
            endpoint.MarkNotConsuming(generation);
            return Task.CompletedTask;
        }
    }
}

/// <summary>What an <see cref="OnDemandReceiveEndpoint"/> consumes, and how long it stays after its last listener.</summary>
public sealed class OnDemandEndpointSettings
{
    /// <summary>The start of each queue's name: <c>{prefix}-{machine}-{random}</c>.</summary>
    public required string QueuePrefix { get; init; }

    /// <summary>The consumers and settings of the endpoint (called for each connection).</summary>
    public required Action<IBusRegistrationContext, IReceiveEndpointConfigurator> Configure { get; init; }

    /// <summary>How long the endpoint stays after its last listener left, so that one who reconnects does not churn it.</summary>
    public TimeSpan IdleTime { get; init; } = TimeSpan.FromSeconds(30);

    public int? ConcurrentMessageLimit { get; init; }

    /// <summary>Called when the endpoint starts consuming (each time, after a reconnection to the broker too).</summary>
    public Action? Consuming { get; init; }

    /// <summary>Called when it stops consuming: the broker was lost, the queue deleted, the endpoint stopped.</summary>
    public Action? NotConsuming { get; init; }
}
