using System.Text.Json;
using System.Text.Json.Serialization;

namespace Boards.Bench.Report;

/// <summary>How results are written to bench/results and read back (--compare): camelCase, NaN for what was not measured.</summary>
public static class BenchJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static Task WriteAsync<T>(string file, T value)
    {
        if (Path.GetDirectoryName(file) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        return File.WriteAllTextAsync(file, JsonSerializer.Serialize(value, Options));
    }

    public static async Task<BenchResults> ReadAsync(string file) =>
        JsonSerializer.Deserialize<BenchResults>(await File.ReadAllTextAsync(file), Options)
        ?? throw new InvalidDataException($"{file} no contiene resultados del banco.");
}
