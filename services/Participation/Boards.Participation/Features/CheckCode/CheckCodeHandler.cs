using Boards.BuildingBlocks.Api.Limits;
using Boards.Participation.Domain;
using Boards.Participation.Domain.Questionnaires;
using Boards.Participation.Features.GetQuestionnaires;

namespace Boards.Participation.Features.CheckCode;

public sealed record CheckCodeCommand
{
    [MaxText(ParticipationLimits.TypedCode)]
    public string? Code { get; init; }
}

/// <summary>
/// Before the questions: which questionnaire a code opens (the person's pulse or the members' rating). It does not use
/// the code. It refuses exactly as answering would, for the same reasons and with the same words; what it tells (this
/// code can be answered now) is what an answer would tell, and guessing one means trying 2^60 codes through a rate limit.
/// </summary>
public sealed class CheckCodeHandler(CodeConsumption codes)
{
    public async Task<QuestionnaireView> HandleAsync(CheckCodeCommand command, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.Code))
        {
            throw ValidationFailedException.For("code", PulseMessages.CodeRequired);
        }

        var place = await codes.FindAnswerableAsync(command.Code, ct) ?? throw CodeConsumption.Refused();
        return QuestionnaireView.From(Questionnaires.For(place.Source));
    }
}
