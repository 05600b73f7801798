using Microsoft.Extensions.Configuration;

namespace Boards.AppHost.Infrastructure;

/// <summary>Configuration of local mode: section Infrastructure (DataDirectory, PostgresPort, RabbitMqPort, PostgresBin).</summary>
public sealed record LocalSettings(string DataDirectory, int PostgresPort, int RabbitMqPort, int RabbitMqDistributionPort, string PostgresBin)
{
    public static LocalSettings From(IDistributedApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Infrastructure");
        var repository = RepositoryOf(builder);
        var data = section["DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, repository)
            : Path.Combine(repository, ".data", "local");
        Directory.CreateDirectory(data);

        var postgresPort = section.GetValue("PostgresPort", 55432);
        var rabbitMqPort = section.GetValue("RabbitMqPort", 55672);
        return new LocalSettings(
            data,
            postgresPort,
            rabbitMqPort,
            section.GetValue("RabbitMqDistributionPort", rabbitMqPort - 30000),
            section["PostgresBin"] ?? FindPostgresBin());
    }

    public static string RepositoryOf(IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));

    private static string FindPostgresBin()
    {
        const string root = "/usr/lib/postgresql";
        var newest = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>()
                .Where(v => int.TryParse(v, out _)).OrderByDescending(int.Parse).FirstOrDefault()
            : null;
        return newest is null ? "/usr/lib/postgresql/15/bin" : Path.Combine(root, newest, "bin");
    }
}
