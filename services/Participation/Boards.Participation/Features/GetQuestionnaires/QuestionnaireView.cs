using Boards.Participation.Domain.Questionnaires;

namespace Boards.Participation.Features.GetQuestionnaires;

/// <summary>A question as the answer page shows it; <c>guarani</c> is null while its translation is pending.</summary>
public sealed record QuestionView(string Item, string Field, string Kind, string Spanish, string? Guarani, IReadOnlyList<string> Scale);

public sealed record QuestionnaireView(string Kind, string Title, string? TitleGuarani, string Introduction, IReadOnlyList<QuestionView> Questions)
{
    public static QuestionnaireView From(Questionnaire questionnaire) => new(
        questionnaire.Kind,
        questionnaire.Title,
        questionnaire.TitleGuarani,
        questionnaire.Introduction,
        questionnaire.Questions.Select(q => new QuestionView(
            q.Item,
            AnswerInput.FieldOf(q.Item),
            q.Kind == QuestionKind.Likert ? "likert" : "share",
            q.Spanish,
            q.Guarani,
            q.Scale)).ToList());

    public static IReadOnlyList<QuestionnaireView> All { get; } = Questionnaires.All.Select(From).ToList();
}
