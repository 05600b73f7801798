using System.Threading.Channels;

namespace Boards.Portal.Tests;

/// <summary>An open <c>/vivo/{topics}</c> stream, read in the background as a browser's EventSource would: event by event.</summary>
internal sealed class LiveStreamReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<(string Type, string Data)> _events = Channel.CreateUnbounded<(string, string)>();
    private readonly Task _reading;

    private LiveStreamReader(HttpResponseMessage response)
    {
        _response = response;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>Opens the stream and returns once its headers arrived (a browser's EventSource is then open).</summary>
    public static async Task<LiveStreamReader> OpenAsync(HttpClient client, string topics)
    {
        var response = await client.GetAsync($"/vivo/{topics}", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new LiveStreamReader(response);
    }

    /// <summary>The next event other than a heartbeat, within <paramref name="within"/>; null if none came.</summary>
    public async Task<(string Type, string Data)?> NextAsync(TimeSpan within)
    {
        using var patience = new CancellationTokenSource(within);
        try
        {
            while (true)
            {
                var next = await _events.Reader.ReadAsync(patience.Token);
                if (next.Type != "latido")
                {
                    return next;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        await _reading;
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        try
        {
            using var reader = new StreamReader(await _response.Content.ReadAsStreamAsync(_stop.Token));
            string type = "message", data = "";
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    _events.Writer.TryWrite((type, data));
                    (type, data) = ("message", "");
                }
                else if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    type = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data = line["data: ".Length..];
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException or HttpRequestException)
        {
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }
}
