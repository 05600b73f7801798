using System.Globalization;
using Boards.AppHost.Infrastructure;

namespace Boards.AppHost;

public static class ServiceResourceExtensions
{
    /// <summary>
    /// Binds a Kestrel endpoint through configuration, so that it can be HTTP/2-only (gRPC cleartext), and declares it
    /// to Aspire for the dashboard and service discovery.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithKestrelEndpoint(this IResourceBuilder<ProjectResource> project, string name, int port, bool http2Only = false)
    {
        project.WithHttpEndpoint(port: port, name: name, isProxied: false)
            .WithEnvironment($"Kestrel__Endpoints__{name}__Url", $"http://localhost:{port.ToString(CultureInfo.InvariantCulture)}");
        if (http2Only)
        {
            project.WithEnvironment($"Kestrel__Endpoints__{name}__Protocols", "Http2");
        }

        return project;
    }

    /// <summary>A Boards service: its own database, RabbitMQ, the identity authority, and the environment of the AppHost.</summary>
    public static IResourceBuilder<ProjectResource> WithBoardsDefaults(
        this IResourceBuilder<ProjectResource> project, BoardsInfrastructure infrastructure, string? database, bool messaging) =>
        project.WithBoardsDefaults(infrastructure, database is null ? [] : [database], messaging);

    /// <summary>A process that hosts several modules (the monolith): each module's database, under the module's own name.</summary>
    public static IResourceBuilder<ProjectResource> WithBoardsDefaults(
        this IResourceBuilder<ProjectResource> project, BoardsInfrastructure infrastructure, IReadOnlyList<string> databases, bool messaging)
    {
        project.WithEndpointsInEnvironment(_ => false)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", project.ApplicationBuilder.Environment.EnvironmentName)
            .WithHttpHealthCheck("/health", endpointName: "http");
        foreach (var database in databases)
        {
            project.WithReference(infrastructure.Database(database), database);
        }

        if (messaging)
        {
            project.WithReference(infrastructure.RabbitMq, "rabbitmq");
        }

        foreach (var dependency in infrastructure.WaitFor)
        {
            project.WaitFor(dependency);
        }

        foreach (var step in infrastructure.WaitForCompletion)
        {
            project.WaitForCompletion(step);
        }

        return project;
    }

    /// <summary>
    /// The SMTP server a service sends e-mail through, as {section}:Smtp:Host and {section}:Smtp:Port. The service starts
    /// once the AppHost's own mail server is ready (in external mode there is none to wait for).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithMailServer(this IResourceBuilder<ProjectResource> project, MailServer mail, string section)
    {
        project.WithEnvironment($"{section}__Smtp__Host", mail.Host)
            .WithEnvironment($"{section}__Smtp__Port", mail.SmtpPort.ToString(CultureInfo.InvariantCulture));
        if (mail.Resource is not null)
        {
            project.WaitFor(mail.Resource);
        }

        return project;
    }

    public static IResourceBuilder<ProjectResource> WithAuthority(this IResourceBuilder<ProjectResource> project, IResourceBuilder<ProjectResource> identity, string issuer) =>
        project.WithEnvironment("Identity__Authority", issuer)
            .WithEnvironment("Identity__Issuer", issuer)
            .WaitFor(identity);
}
