using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Boards.BuildingBlocks.Tests.Infrastructure;

/// <summary>
/// Listens to one meter of one host (its IMeterFactory is the meter's scope): other tests in the same process measure
/// with meters of the same name, and are not heard.
/// </summary>
public sealed class Measurements : IDisposable
{
    private readonly MeterListener _listener = new();

    public Measurements(IMeterFactory hostMeters, string meterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && ReferenceEquals(instrument.Meter.Scope, hostMeters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
        _listener.Start();
    }

    /// <summary>Every measurement: instrument, value, and its message_type and reason tags.</summary>
    public ConcurrentQueue<(string Name, double Value, string? Type, string? Reason)> All { get; } = new();

    public double Sum(string name) => All.Where(m => m.Name == name).Sum(m => m.Value);

    /// <summary>How many measurements the instrument took (a histogram's records).</summary>
    public int Count(string name) => All.Count(m => m.Name == name);

    public double Last(string name)
    {
        _listener.RecordObservableInstruments();
        return All.Last(m => m.Name == name).Value;
    }

    public void Dispose() => _listener.Dispose();

    private void Record(string name, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? type = null;
        string? reason = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "message_type")
            {
                type = tag.Value as string;
            }
            else if (tag.Key == "reason")
            {
                reason = tag.Value as string;
            }
        }

        All.Enqueue((name, value, type, reason));
    }
}
