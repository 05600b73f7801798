using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Boards.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Activity sources and meters of our own code (outbox relay, sweeps) share this prefix.</summary>
    public const string BoardsSourcePrefix = "Boards.";

    /// <summary>Seconds between metric exports, when set; otherwise OTEL_METRIC_EXPORT_INTERVAL or the SDK's 60 s.</summary>
    public const string MetricExportIntervalSetting = "Telemetry:MetricExportIntervalSeconds";

    public static TBuilder AddBoardsTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter("MassTransit")
                .AddMeter(BoardsSourcePrefix + "*"))
            .WithTracing(tracing => tracing
                .SetSampler(TraceSampling.From(builder.Configuration))
                .AddSource(builder.Environment.ApplicationName)
                .AddSource("MassTransit")
                .AddSource(BoardsSourcePrefix + "*")
                .AddAspNetCoreInstrumentation(options =>
                    options.Filter = context =>
                        !context.Request.Path.StartsWithSegments("/health") &&
                        !context.Request.Path.StartsWithSegments("/alive"))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation()
                // Npgsql's spans carry each statement; EF Core's instrumentation would add a second span per command.
                .AddNpgsql());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        // The AppHost's development default exports every metric every second (OTEL_METRIC_EXPORT_INTERVAL=1000, set per
        // process, so it cannot be overridden from outside); production keeps the SDK's 60 s. The benchmark sets this to
        // measure what a deployment costs (docs/performance.md, "The cost of one referral").
        if (builder.Configuration.GetValue<double?>(MetricExportIntervalSetting) is > 0 and var seconds)
        {
            builder.Services.PostConfigureAll<MetricReaderOptions>(reader =>
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)(seconds * 1000));
        }

        return builder;
    }
}
