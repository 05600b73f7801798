namespace Boards.Portal.Pulse;

/// <summary>Participation's answer to printing slips: the codes, shown this once.</summary>
public sealed record IssuedSlipsView(
    Guid BatchId, string MunicipalityCode, string Source, string Quarter, string AgeBand, DateOnly ExpiresOn, List<string> Codes);

/// <summary>One question of a questionnaire; Guarani is null while its translation is pending.</summary>
public sealed record QuestionView(string Item, string Field, string Kind, string Spanish, string? Guarani, List<string> Scale);

public sealed record QuestionnaireView(string Kind, string Title, string? TitleGuarani, string Introduction, List<QuestionView> Questions);

public sealed record AnswerAcceptedView(string Message);

/// <summary>The slip form: the choices a focal point (or officer) makes before printing.</summary>
public sealed class SlipForm
{
    public string? Municipality { get; set; }
    public string? Source { get; set; }
    public string? AgeBand { get; set; }
    public int? Count { get; set; }
}

/// <summary>The answers as the page posts them: one property per question, null when left blank.</summary>
public sealed class AnswerForm
{
    public string? Code { get; set; }
    public int? GotWhatCameFor { get; set; }
    public int? TreatedWell { get; set; }
    public int? TrustBoard { get; set; }
    public int? CouldSpeak { get; set; }
    public int? AgreementsClear { get; set; }
    public int? TrustInstitutions { get; set; }
    public int? EndowmentShare { get; set; }

    public int? ValueOf(string field) => field switch
    {
        "gotWhatCameFor" => GotWhatCameFor,
        "treatedWell" => TreatedWell,
        "trustBoard" => TrustBoard,
        "couldSpeak" => CouldSpeak,
        "agreementsClear" => AgreementsClear,
        "trustInstitutions" => TrustInstitutions,
        "endowmentShare" => EndowmentShare,
        _ => null,
    };

    /// <summary>The form field's name for a JSON field (trustBoard → Answer.TrustBoard).</summary>
    public static string NameOf(string field) => "Answer." + char.ToUpperInvariant(field[0]) + field[1..];

    public object Body() => new { Code, GotWhatCameFor, TreatedWell, TrustBoard, CouldSpeak, AgreementsClear, TrustInstitutions, EndowmentShare };
}

/// <summary>Where slips come from, as the API and the labels name them.</summary>
public static class PulseChoices
{
    public static readonly string[] Sources = ["counter_referral", "service_day", "board_session"];
    public static readonly string[] AgeBands = ["unknown", "15_29", "30_64", "65_plus"];
}

/// <summary>A mean on 0–100 (or a share in %) and the number of answers behind it.</summary>
public sealed record MeasureView(decimal? Value, int Answers);

public sealed record AgeBandView(string AgeBand, MeasureView EndowmentShare, MeasureView Trust);

/// <summary>Monitoring's pulse of one municipality in one quarter (docs/pulse.md, "Indices").</summary>
public sealed record PulseIndicesView(
    string MunicipalityCode, string Quarter, int Answers, int PaperAnswers, MeasureView Trust, int SlipsPrinted, int AnswersWithCode,
    decimal? ResponseRate, MeasureView CouldSpeak, MeasureView EndowmentShare, List<AgeBandView> ByAgeBand);

public sealed record NationalPulseView(string Quarter, List<PulseIndicesView> Municipalities);
