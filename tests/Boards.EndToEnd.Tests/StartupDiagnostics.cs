using System.Collections.Concurrent;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Keeps every resource's latest state and its last log lines while the system starts, so a start that fails or runs
/// out of time says which resource was stuck and what it printed last, instead of a bare TaskCanceledException.
/// </summary>
internal sealed class StartupDiagnostics : IAsyncDisposable
{
    private const int LinesKept = 40;
    private const int LinesOfAWaitingResource = 2;

    private readonly ConcurrentDictionary<string, string> _states = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _lines = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, Task> _watchers = new();
    private readonly ResourceLoggerService _logs;

    private StartupDiagnostics(ResourceLoggerService logs) => _logs = logs;

    public static StartupDiagnostics Watch(DistributedApplication app) => new(app.Services.GetRequiredService<ResourceLoggerService>());

    /// <summary>Takes a resource's new state; its log is watched from its first update (logs are kept by resource id).</summary>
    public void Note(ResourceEvent update)
    {
        var name = update.Resource.Name;
        _states[name] = $"{update.Snapshot.State?.Text ?? "sin estado"}"
            + (update.Snapshot.HealthStatus is { } health ? $", salud {health}" : "")
            + (update.Snapshot.ExitCode is { } code ? $", código de salida {code}" : "");
        _watchers.GetOrAdd(update.ResourceId, id => KeepLinesAsync(name, id));
    }

    /// <summary>Every resource's state, then the last lines of each one that printed something and is not running and healthy.</summary>
    public string Report()
    {
        var text = new StringBuilder();
        text.AppendLine().AppendLine("Estado de cada recurso:");
        foreach (var (name, state) in _states.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"  {name}: {state}");
        }

        foreach (var (name, lines) in _lines.Where(l => !l.Value.IsEmpty).OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            if (_states.TryGetValue(name, out var state) && state.StartsWith(KnownResourceStates.Running, StringComparison.Ordinal) &&
                state.Contains("Healthy", StringComparison.Ordinal) && !state.Contains("Unhealthy", StringComparison.Ordinal))
            {
                continue;
            }

            // A resource still waiting only says what it waits for.
            var waiting = state?.StartsWith(KnownResourceStates.Waiting, StringComparison.Ordinal) == true;
            text.AppendLine($"Últimas líneas de {name}:");
            foreach (var line in waiting ? lines.TakeLast(LinesOfAWaitingResource) : lines)
            {
                text.AppendLine($"  | {line}");
            }
        }

        return text.ToString();
    }

    private async Task KeepLinesAsync(string name, string resourceId)
    {
        var kept = _lines.GetOrAdd(name, _ => new ConcurrentQueue<string>());
        try
        {
            await foreach (var batch in _logs.WatchAsync(resourceId).WithCancellation(_stop.Token))
            {
                foreach (var line in batch)
                {
                    kept.Enqueue(line.Content);
                    while (kept.Count > LinesKept && kept.TryDequeue(out _))
                    {
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Start-up is over.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_watchers.Values);
        _stop.Dispose();
    }
}
