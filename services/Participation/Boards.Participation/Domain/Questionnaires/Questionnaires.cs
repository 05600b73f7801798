using Boards.Participation.Contracts.Pulse;

namespace Boards.Participation.Domain.Questionnaires;

/// <summary>How a question is answered: a 1–5 scale with a label per point, or a share from 0 to 100 %.</summary>
public enum QuestionKind
{
    Likert,
    Share,
}

/// <summary>
/// One question, in Spanish and Guaraní. Guaraní is null while its translation is pending review (docs/pulse.md):
/// the page then shows the Spanish text and says so, rather than a guessed translation.
/// </summary>
public sealed record Question(string Item, QuestionKind Kind, string Spanish, string? Guarani, IReadOnlyList<string> Scale);

/// <summary>One questionnaire: the person's pulse, or the members' rating of a board session.</summary>
public sealed record Questionnaire(string Kind, string Title, string? TitleGuarani, string Introduction, IReadOnlyList<Question> Questions);

/// <summary>The two questionnaires (docs/pulse.md gives, for each question, what it measures and its anchor).</summary>
public static class Questionnaires
{
    public const string PersonKind = "person";
    public const string MembersKind = "members";

    /// <summary>The item key of the endowment question (a share, not a Likert item; answers carry it apart).</summary>
    public const string EndowmentItem = "endowment_share";

    private static readonly string[] Amount = ["Nada", "Poco", "En parte", "Casi todo", "Todo"];
    private static readonly string[] Treatment = ["Muy mal", "Mal", "Regular", "Bien", "Muy bien"];
    private static readonly string[] Degree = ["Nada", "Poco", "Algo", "Bastante", "Mucho"];
    private static readonly string[] Clarity = ["Nada claros", "Poco claros", "Algo claros", "Bastante claros", "Muy claros"];
    private static readonly string[] Voice = ["No pude", "Muy poco", "En parte", "Bastante", "Plenamente"];

    private static readonly Question Endowment = new(EndowmentItem, QuestionKind.Share,
        "Imagine que recibe 100.000 guaraníes. ¿Qué parte, de 0 a 100 %, pondría en un fondo para una obra común de su " +
        "comunidad que administra la municipalidad? Lo que no ponga, se lo queda.",
        null, []);

    public static readonly Questionnaire Person = new(PersonKind,
        "¿Cómo le fue?", null,
        "Son cuatro preguntas cortas y anónimas: nadie sabrá quién respondió. Puede dejar cualquiera en blanco.",
        [
            new Question(PulseItems.GotWhatCameFor, QuestionKind.Likert, "¿Recibió lo que vino a buscar?", null, Amount),
            new Question(PulseItems.TreatedWell, QuestionKind.Likert, "¿Cómo lo trataron?", null, Treatment),
            new Question(PulseItems.TrustBoard, QuestionKind.Likert,
                "¿Cuánto confía en que la mesa de protección social de su municipio le va a ayudar?", null, Degree),
            Endowment,
        ]);

    public static readonly Questionnaire Members = new(MembersKind,
        "¿Cómo estuvo la sesión de la mesa?", null,
        "Son cuatro preguntas cortas y anónimas para quienes integran la mesa. Puede dejar cualquiera en blanco.",
        [
            new Question(PulseItems.CouldSpeak, QuestionKind.Likert, "¿Pudo expresar su opinión en la sesión?", null, Voice),
            new Question(PulseItems.AgreementsClear, QuestionKind.Likert,
                "¿Quedaron claros los acuerdos: qué se hará, quién y para cuándo?", null, Clarity),
            new Question(PulseItems.TrustInstitutions, QuestionKind.Likert,
                "¿Cuánto confía en que las demás instituciones de la mesa cumplirán lo acordado?", null, Degree),
            Endowment,
        ]);

    public static Questionnaire For(string source) => PulseSources.IsMembers(source) ? Members : Person;

    public static IReadOnlyList<Questionnaire> All { get; } = [Person, Members];
}
