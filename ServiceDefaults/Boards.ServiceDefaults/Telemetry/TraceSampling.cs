using System.Globalization;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;

namespace Boards.ServiceDefaults.Telemetry;

/// <summary>
/// Which traces are kept: <c>Telemetry:TraceSampleRatio</c> (0–1, default 1, every trace). Below 1 the decision is
/// taken once, where a trace starts, and followed by every service it reaches (parent-based), so a kept trace is whole.
/// A deployment under load lowers it; docs/performance.md shows what full tracing costs on one machine.
/// </summary>
public static class TraceSampling
{
    public const string RatioKey = "Telemetry:TraceSampleRatio";

    public static Sampler From(IConfiguration configuration)
    {
        var text = configuration[RatioKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ParentBasedSampler(new AlwaysOnSampler());
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) || ratio is < 0 or > 1)
        {
            throw new InvalidOperationException($"{RatioKey} debe ser un número entre 0 y 1 (se recibió '{text}').");
        }

        return new ParentBasedSampler(ratio >= 1 ? new AlwaysOnSampler() : new TraceIdRatioBasedSampler(ratio));
    }
}
