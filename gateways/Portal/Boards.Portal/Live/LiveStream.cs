using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Boards.Portal.Authentication;
using Microsoft.AspNetCore.Authentication;

namespace Boards.Portal.Live;

/// <summary>
/// GET /vivo/{topics}: a server-sent event stream that says "cambio" when something the person may see changed. It
/// carries no data: the page fetches itself again, so the services decide the scope of what is shown, as always. One
/// stream may carry several topics ("referencias,notificaciones"); each event's type is its topic.
/// </summary>
/// <remarks>
/// The portal hears the bus only while some stream is open (<see cref="LiveQueue"/>). A stream holds the queue, and its
/// first event ("conectado", and the response headers with it) goes out once the queue consumes, or after
/// <see cref="LiveWait"/> without a broker: from then on every signal reaches it. A stream that had to wait for the
/// queue to start follows "conectado" with one "cambio" per topic, so its page fetches itself once and catches up on
/// what changed between the page being drawn and the queue consuming.
/// </remarks>
public static class LiveStream
{
    /// <summary>Signals arriving together (a bulk import, a sweep) become one refresh.</summary>
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(400);

    /// <summary>A comment line now and then keeps proxies from closing a quiet stream and finds dead connections.</summary>
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    /// <summary>How long a new stream waits for the portal's queue to consume (it starts with the first stream).</summary>
    public static readonly TimeSpan LiveWait = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapLiveStream(this IEndpointRouteBuilder app)
    {
        app.MapGet("/vivo/{topics}", OpenAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> OpenAsync(string topics, HttpContext http, LiveFeed feed)
    {
        if (LiveTopics.Parse(topics) is not { } wanted)
        {
            return TypedResults.NotFound();
        }

        var user = CurrentUser.From(http.User);
        // The stream ends when the access token does; the browser reconnects, and an ended session stops it there.
        var expiresAt = await http.GetTokenAsync("expires_at");
        var lifetime = expiresAt is not null && DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires)
            ? expires - DateTimeOffset.UtcNow
            : TimeSpan.FromMinutes(5);
        // Released with the response, however it ends (the stream's own enumeration may never start if the client left).
        var subscription = feed.Subscribe(signal => Wants(wanted, user, signal));
        http.Response.RegisterForDispose(subscription);
        var catchUp = false;
        if (http.RequestServices.GetService<LiveQueue>() is { } queue)
        {
            http.Response.RegisterForDispose(await queue.Endpoint.ListenAsync(http.RequestAborted));
            catchUp = !queue.Endpoint.IsConsuming;
            await queue.Endpoint.WaitUntilConsumingAsync(LiveWait, http.RequestAborted);
        }

        http.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(SignalsAsync(subscription, wanted, catchUp, lifetime, http.RequestAborted));
    }

    /// <summary>Whether a signal concerns this person: the same scope the services apply to what the page shows.</summary>
    public static bool Concerns(CurrentUser user, LiveSignal signal)
    {
        // A notification is one person's own, whatever their role: the ministry does not hear anyone else's.
        if (signal.Topic == LiveTopics.Notifications)
        {
            return user.Subject is { Length: > 0 } subject && signal.Subjects.Contains(subject, StringComparer.Ordinal);
        }

        if (user.IsMinistry)
        {
            return true;
        }

        var municipality = user.IsFocalPoint && signal.Municipalities.Contains(user.Municipality!, StringComparer.OrdinalIgnoreCase);
        return signal.Topic == LiveTopics.Referrals
            ? municipality || (user.IsOfficer && signal.Institutions.Contains(user.Institution!, StringComparer.OrdinalIgnoreCase))
            : municipality;
    }

    /// <summary>What one stream passes on: a signal in one of its topics that concerns its person.</summary>
    public static bool Wants(IReadOnlyCollection<string> topics, CurrentUser user, LiveSignal signal) =>
        topics.Contains(signal.Topic) && Concerns(user, signal);

    private static async IAsyncEnumerable<SseItem<string>> SignalsAsync(
        LiveFeed.Subscription subscription, IReadOnlyList<string> topics, bool catchUp, TimeSpan lifetime,
        [EnumeratorCancellation] CancellationToken aborted)
    {
        using var ends = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        ends.CancelAfter(lifetime > TimeSpan.Zero ? lifetime : TimeSpan.FromSeconds(1));
        var token = ends.Token;

        foreach (var topic in topics)
        {
            yield return new SseItem<string>("conectado", topic) { ReconnectionInterval = TimeSpan.FromSeconds(5) };
        }

        if (catchUp)
        {
            foreach (var topic in topics)
            {
                yield return new SseItem<string>("cambio", topic);
            }
        }

        while (!token.IsCancellationRequested)
        {
            var changed = new List<string>();
            try
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(token);
                beat.CancelAfter(Heartbeat);
                if (await subscription.Reader.WaitToReadAsync(beat.Token))
                {
                    await Task.Delay(Coalesce, token);
                    while (subscription.Reader.TryRead(out var signal))
                    {
                        if (!changed.Contains(signal.Topic))
                        {
                            changed.Add(signal.Topic);
                        }
                    }
                }
            }
            catch (OperationCanceledException)
            {
                changed.Clear();
            }

            if (token.IsCancellationRequested)
            {
                yield break;
            }

            if (changed.Count == 0)
            {
                yield return new SseItem<string>("", "latido");
            }

            foreach (var topic in changed)
            {
                yield return new SseItem<string>("cambio", topic);
            }
        }
    }
}
