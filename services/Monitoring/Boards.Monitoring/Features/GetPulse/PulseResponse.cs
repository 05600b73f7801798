using Boards.Monitoring.Domain.Pulse;

namespace Boards.Monitoring.Features.GetPulse;

public sealed record MeasureResponse(decimal? Value, int Answers)
{
    public static MeasureResponse From(Measure measure) => new(measure.Value, measure.Answers);
}

public sealed record AgeBandResponse(string AgeBand, MeasureResponse EndowmentShare, MeasureResponse Trust);

/// <summary>One municipality's pulse in one quarter; every figure with the number of answers behind it.</summary>
public sealed record PulseIndicesResponse(
    string MunicipalityCode,
    string Quarter,
    int Answers,
    int PaperAnswers,
    MeasureResponse Trust,
    int SlipsPrinted,
    int AnswersWithCode,
    decimal? ResponseRate,
    MeasureResponse CouldSpeak,
    MeasureResponse EndowmentShare,
    IReadOnlyList<AgeBandResponse> ByAgeBand)
{
    public static PulseIndicesResponse From(PulseIndices p) => new(
        p.Code, p.Quarter, p.Answers, p.PaperAnswers, MeasureResponse.From(p.Trust), p.SlipsPrinted, p.AnswersWithCode, p.ResponseRate,
        MeasureResponse.From(p.CouldSpeak), MeasureResponse.From(p.EndowmentShare),
        p.ByAgeBand.Select(b => new AgeBandResponse(b.AgeBand, MeasureResponse.From(b.EndowmentShare), MeasureResponse.From(b.Trust))).ToList());
}

/// <summary>The national view of one quarter.</summary>
public sealed record NationalPulseResponse(string Quarter, IReadOnlyList<PulseIndicesResponse> Municipalities);
