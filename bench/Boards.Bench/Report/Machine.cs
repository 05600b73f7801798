using System.Runtime.InteropServices;
using Npgsql;

namespace Boards.Bench.Report;

/// <summary>The machine the numbers belong to: cores, memory, OS, CPU model and the PostgreSQL server.</summary>
public sealed record Machine(int Cores, double MemoryGiB, string Os, string Cpu, string Postgres, string DotNet)
{
    public static async Task<Machine> DescribeAsync(BenchOptions options)
    {
        var memory = ReadProc("/proc/meminfo", "MemTotal:") is { } total && long.TryParse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], out var kib)
            ? Math.Round(kib / 1024.0 / 1024.0, 1)
            : double.NaN;
        var cpu = ReadProc("/proc/cpuinfo", "model name") is { } model ? model.TrimStart(':', ' ', '\t') : RuntimeInformation.ProcessArchitecture.ToString();
        await using var connection = new NpgsqlConnection(options.Database("postgres"));
        await connection.OpenAsync();
        await using var version = new NpgsqlCommand("SHOW server_version", connection);
        return new Machine(Environment.ProcessorCount, memory, RuntimeInformation.OSDescription, cpu,
            $"PostgreSQL {await version.ExecuteScalarAsync()}", RuntimeInformation.FrameworkDescription);
    }

    private static string? ReadProc(string path, string key) =>
        File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?[key.Length..].Trim() : null;
}
