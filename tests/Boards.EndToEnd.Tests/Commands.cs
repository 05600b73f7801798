using System.Diagnostics;

namespace Boards.EndToEnd.Tests;

/// <summary>Runs a command of the machine (kill, ss, the repository's scripts, PostgreSQL's tools) and fails the test if it fails.</summary>
public static class Commands
{
    public static Task<string> RunAsync(string file, params string[] arguments) => RunAsync(file, arguments, environment: null);

    /// <summary>Returns standard output; runs from the repository's root, with <paramref name="environment"/> added.</summary>
    public static async Task<string> RunAsync(
        string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var error = await process.StandardError.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)}: exit {process.ExitCode}\n{await output}\n{error}");
        return await output;
    }
}
