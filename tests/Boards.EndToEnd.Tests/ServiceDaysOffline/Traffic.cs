using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Boards.EndToEnd.Tests.ServiceDaysOffline;

/// <summary>
/// The bytes a browser context moves, both ways (request headers and body, response headers and body as received), per
/// request finished, as Chromium reports them; and the budgets docs/portal-service-days.md gives for them.
/// </summary>
public sealed class Traffic
{
    private readonly ConcurrentQueue<IRequest> _finished = new();

    public Traffic(IBrowserContext context) => context.RequestFinished += (_, request) => _finished.Enqueue(request);

    public void Reset() => _finished.Clear();

    /// <summary>Total bytes of the requests whose URL matches (all when null), and what they were, for the failure message.</summary>
    public async Task<(long Bytes, string Listing)> BytesAsync(Func<string, bool>? which = null)
    {
        long total = 0;
        var lines = new List<string>();
        foreach (var request in _finished.Where(r => which?.Invoke(r.Url) ?? true))
        {
            var sizes = await SizesAsync(request);
            var bytes = (long)sizes.RequestHeadersSize + sizes.RequestBodySize + sizes.ResponseHeadersSize + sizes.ResponseBodySize;
            total += bytes;
            lines.Add($"{request.Method} {new Uri(request.Url).AbsolutePath}: {bytes} B (cuerpo recibido {sizes.ResponseBodySize} B)");
        }

        return (total, string.Join("\n", lines));
    }

    /// <summary>
    /// Chromium sometimes never reports a finished request's sizes, and Playwright then waits for ever
    /// (microsoft/playwright#9350; it held a whole test run for ten minutes here): a bounded wait, and a failure that
    /// names the request.
    /// </summary>
    private static async Task<RequestSizesResult> SizesAsync(IRequest request)
    {
        try
        {
            return await request.SizesAsync().WaitAsync(SizesWait);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Chromium no informó en {SizesWait.TotalSeconds:0} s el tamaño de {request.Method} {request.Url} " +
                $"({request.ResourceType}, respuesta {(request.ExistingResponse is { } response ? response.Status : "ninguna")}); microsoft/playwright#9350.");
            throw;
        }
    }

    private static readonly TimeSpan SizesWait = TimeSpan.FromSeconds(20);

    /// <summary>A budget from docs/portal-service-days.md's table ("| first load of a day's tablet page | … | 80 KiB |"), in bytes.</summary>
    public static long Budget(string what)
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "portal-service-days.md"));
        var match = Regex.Match(doc, @"^\|\s*" + Regex.Escape(what) + @"\s*\|[^\n]*\|\s*\*\*(\d+(?:\.\d+)?) (KiB|B)\*\*\s*\|\s*$", RegexOptions.Multiline);
        Assert.True(match.Success, $"docs/portal-service-days.md no da el presupuesto de «{what}».");
        var number = double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (long)(match.Groups[2].Value == "KiB" ? number * 1024 : number);
    }

    /// <summary>What was measured, for docs/portal-service-days.md: TestResults/tablet-bytes.txt.</summary>
    public static void Report(string text) =>
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "TestResults")).FullName, "tablet-bytes.txt"), text);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Boards.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Boards.sln not found above the test's folder.");
    }
}
