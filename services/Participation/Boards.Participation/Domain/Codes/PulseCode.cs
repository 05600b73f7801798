namespace Boards.Participation.Domain.Codes;

/// <summary>
/// A printed one-time code, by its SHA-256 only: where it may be answered (municipality, source, the slip's quarter and
/// age band) and until when. Nothing links it to a referral, a person, a batch or an answer; the day it was used is
/// kept at the granularity of a day (docs/pulse.md, "Anonymity"). It is consumed by one UPDATE that only an unused,
/// unexpired code passes (Features/Common/CodeConsumption).
/// </summary>
public sealed class PulseCode
{
    private PulseCode()
    {
        Hash = [];
        MunicipalityCode = "";
        Source = "";
        Quarter = "";
        AgeBand = "";
    }

    public byte[] Hash { get; private set; }
    public string MunicipalityCode { get; private set; }
    public string Source { get; private set; }
    public string Quarter { get; private set; }
    public string AgeBand { get; private set; }
    /// <summary>The last day (Paraguay) it may be answered.</summary>
    public DateOnly ExpiresOn { get; private set; }
    public DateOnly? ConsumedOn { get; private set; }

    public static PulseCode Issue(byte[] hash, SlipBatch batch) => new()
    {
        Hash = hash,
        MunicipalityCode = batch.MunicipalityCode,
        Source = batch.Source,
        Quarter = batch.Quarter,
        AgeBand = batch.AgeBand,
        ExpiresOn = batch.ExpiresOn,
    };
}
