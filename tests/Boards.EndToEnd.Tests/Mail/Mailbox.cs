namespace Boards.EndToEnd.Tests.Mail;

/// <summary>A message the mail server received: its envelope recipients, subject, time and bodies (null when absent).</summary>
public sealed record MailMessage(string Id, IReadOnlyList<string> To, string Subject, DateTimeOffset ReceivedAt, string? Text, string? Html);

/// <summary>
/// What the AppHost's mail server (smtp4dev) received, read through its REST API: <c>GET /api/messages</c> (summaries,
/// newest first, paged; <c>searchTerms</c> matches recipients, subject and body, ignoring case),
/// <c>GET /api/messages/{id}/plaintext</c> and <c>/html</c> (the parts as sent; 404 when the message has none) and
/// <c>DELETE /api/messages/*</c>.
/// </summary>
public sealed class Mailbox(Uri address) : IDisposable
{
    private const int PageSize = 500;

    private readonly HttpClient _http = new() { BaseAddress = address };

    /// <summary>Every message, newest first.</summary>
    public Task<IReadOnlyList<MailMessage>> AllAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(search: null, cancellationToken);

    /// <summary>The messages delivered to <paramref name="recipient"/> (To, Cc or Bcc: the SMTP envelope), newest first.</summary>
    public async Task<IReadOnlyList<MailMessage>> ToAsync(string recipient, CancellationToken cancellationToken = default) =>
        (await ReadAsync(recipient, cancellationToken))
            .Where(m => m.To.Contains(recipient, StringComparer.OrdinalIgnoreCase))
            .ToList();

    /// <summary>Waits until a message to <paramref name="recipient"/> (that <paramref name="matches"/>, if given) arrives.</summary>
    public async Task<MailMessage> WaitForAsync(string recipient, Func<MailMessage, bool>? matches = null, TimeSpan? timeout = null)
    {
        var messages = await Eventually.Until(() => ToAsync(recipient), found => found.Any(m => matches?.Invoke(m) ?? true),
            timeout ?? TimeSpan.FromSeconds(30), $"a message to {recipient}");
        return messages.First(m => matches?.Invoke(m) ?? true);
    }

    public async Task DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.DeleteAsync("api/messages/*", cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();

    private async Task<IReadOnlyList<MailMessage>> ReadAsync(string? search, CancellationToken cancellationToken)
    {
        var summaries = new List<Summary>();
        for (var page = 1; ; page++)
        {
            var query = $"api/messages?page={page}&pageSize={PageSize}" + (search is null ? "" : $"&searchTerms={Uri.EscapeDataString(search)}");
            var result = await _http.GetFromJsonAsync<SummaryPage>(query, cancellationToken)
                ?? throw new InvalidOperationException($"GET {query} answered no page.");
            summaries.AddRange(result.Results);
            if (page >= result.PageCount)
            {
                break;
            }
        }

        var messages = new List<MailMessage>(summaries.Count);
        foreach (var summary in summaries)
        {
            messages.Add(new MailMessage(summary.Id, summary.To, summary.Subject ?? "", summary.ReceivedDate,
                await PartAsync(summary.Id, "plaintext", cancellationToken), await PartAsync(summary.Id, "html", cancellationToken)));
        }

        return messages;
    }

    private async Task<string?> PartAsync(string id, string part, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"api/messages/{Uri.EscapeDataString(id)}/{part}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>One page of <c>GET /api/messages</c>: <c>{ results, currentPage, pageCount, pageSize, rowCount, ... }</c>.</summary>
    private sealed record SummaryPage(IReadOnlyList<Summary> Results, int PageCount);

    /// <summary>
    /// A message summary: <c>{ id, from, to: [envelope recipients], deliveredTo, receivedDate, subject, attachmentCount,
    /// isUnread, isRelayed, hasWarnings }</c>.
    /// </summary>
    private sealed record Summary(string Id, IReadOnlyList<string> To, string? Subject, DateTimeOffset ReceivedDate);
}
