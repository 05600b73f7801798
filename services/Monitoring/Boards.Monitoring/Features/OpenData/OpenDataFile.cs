namespace Boards.Monitoring.Features.OpenData;

public enum OpenDataFormat
{
    Json,
    Csv,
}

/// <summary>A requested file name: "2026-11.csv" is the name "2026-11" in CSV. Only .csv and .json are published.</summary>
public sealed record OpenDataFile(string Name, OpenDataFormat Format)
{
    /// <summary>Longer than any published file name: refused before it is looked at.</summary>
    public const int MaxLength = 80;

    public static OpenDataFile? Parse(string? file)
    {
        if (string.IsNullOrEmpty(file) || file.Length > MaxLength)
        {
            return null;
        }

        var dot = file.LastIndexOf('.');
        if (dot <= 0)
        {
            return null;
        }

        OpenDataFormat? format = file[(dot + 1)..] switch
        {
            "json" => OpenDataFormat.Json,
            "csv" => OpenDataFormat.Csv,
            _ => null,
        };
        return format is { } known ? new OpenDataFile(file[..dot], known) : null;
    }

    public static string ContentType(OpenDataFormat format) =>
        format == OpenDataFormat.Csv ? "text/csv; charset=utf-8; header=present" : "application/json; charset=utf-8";

    public static string Extension(OpenDataFormat format) => format == OpenDataFormat.Csv ? "csv" : "json";
}
