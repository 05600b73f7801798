using System.Text.Json.Serialization;

namespace Boards.Bench.Infrastructure.Cpu;

/// <summary>What a process is to the system, and so whether its CPU counts in the cost of a create.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProcessKind>))]
public enum ProcessKind
{
    /// <summary>A Boards service, the monolith, the gateway, the portal or identity (every .NET process of Boards): counted.</summary>
    Service,

    /// <summary>PostgreSQL and RabbitMQ, which a deployment of Boards runs too: counted.</summary>
    Infrastructure,

    /// <summary>The AppHost and DCP, which only a local system has: counted (conservatively), shown apart.</summary>
    Orchestration,

    /// <summary>The telemetry receiver (the Aspire dashboard's OTLP intake): production exports off the machine, so not counted.</summary>
    Telemetry,

    /// <summary>
    /// The mail server (the bench's relay stand-in, or smtp4dev): production hands its e-mail to the ministry's SMTP relay, which is not part of a Boards
    /// deployment (deploy/k8s sets <c>Notifications__Smtp__Host</c> to an outside host), so not counted, like telemetry.
    /// Notifications' own work to send the e-mail is counted.
    /// </summary>
    External,
}

public static class ProcessKinds
{
    /// <summary>Whether a kind's CPU counts in the cost of a create: what runs off the machine in production does not.</summary>
    public static bool Counts(this ProcessKind kind) => kind is not (ProcessKind.Telemetry or ProcessKind.External);
}

public sealed record ProcessRole(string Name, ProcessKind Kind)
{
    public static readonly ProcessRole AppHost = new("AppHost", ProcessKind.Orchestration);
    public static readonly ProcessRole Dcp = new("DCP (orquestador de Aspire)", ProcessKind.Orchestration);
    public static readonly ProcessRole Dashboard = new("Aspire dashboard (recepción OTLP)", ProcessKind.Telemetry);
    public static readonly ProcessRole Postgres = new("PostgreSQL (postmaster y todos sus procesos)", ProcessKind.Infrastructure);
    public static readonly ProcessRole RabbitMq = new("RabbitMQ (beam.smp y sus procesos)", ProcessKind.Infrastructure);
    public static readonly ProcessRole Mail = new("servidor de correo (smtp4dev)", ProcessKind.External);
    public static readonly ProcessRole MailRelay = new("relé de correo (el del banco, en lugar del del ministerio)", ProcessKind.External);

    /// <summary>Every module in one process (services/Monolith, the AppHost's Shape=monolith): one row, counted like a service.</summary>
    public static readonly ProcessRole Monolith = Service("monolith");

    public static ProcessRole Service(string name) => new(name, ProcessKind.Service);
}
