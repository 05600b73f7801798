using System.Text.Json.Serialization;

namespace Boards.Bench.Infrastructure.Cpu;

/// <summary>What a process is to the system, and so whether its CPU counts in the cost of a create.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProcessKind>))]
public enum ProcessKind
{
    /// <summary>A Boards service or the gateway: counted.</summary>
    Service,

    /// <summary>PostgreSQL, RabbitMQ, the mail server: counted.</summary>
    Infrastructure,

    /// <summary>The AppHost and DCP, which only a local system has: counted (conservatively), shown apart.</summary>
    Orchestration,

    /// <summary>The telemetry receiver (the Aspire dashboard's OTLP intake): production exports off the machine, so not counted.</summary>
    Telemetry,
}

public sealed record ProcessRole(string Name, ProcessKind Kind)
{
    public static readonly ProcessRole AppHost = new("AppHost", ProcessKind.Orchestration);
    public static readonly ProcessRole Dcp = new("DCP (orquestador de Aspire)", ProcessKind.Orchestration);
    public static readonly ProcessRole Dashboard = new("Aspire dashboard (recepción OTLP)", ProcessKind.Telemetry);
    public static readonly ProcessRole Postgres = new("PostgreSQL (postmaster y todos sus procesos)", ProcessKind.Infrastructure);
    public static readonly ProcessRole RabbitMq = new("RabbitMQ (beam.smp y sus procesos)", ProcessKind.Infrastructure);
    public static readonly ProcessRole Mail = new("servidor de correo (smtp4dev)", ProcessKind.Infrastructure);

    public static ProcessRole Service(string name) => new(name, ProcessKind.Service);
}
