using Boards.BuildingBlocks.Api.Limits;
using Boards.Participation.Domain;
using Boards.Participation.Domain.Answers;

namespace Boards.Participation.Features.AnswerWithCode;

/// <summary>The person's answers, with the code from their slip. No token: the code is the credential.</summary>
public sealed record AnswerWithCodeCommand : AnswerInput
{
    [MaxText(ParticipationLimits.TypedCode)]
    public string? Code { get; init; }
}

public sealed record AnswerAcceptedView(string Message);

/// <summary>
/// One answer per code: the scores must fit the code's questionnaire, then the code is used and the answer written in
/// one transaction (<see cref="AnswerRecorder"/>). A second answer with the same code, like an unknown or expired one,
/// gets <see cref="PulseMessages.CodeRefused"/>.
/// </summary>
public sealed class AnswerWithCodeHandler(CodeConsumption codes, AnswerRecorder recorder)
{
    public async Task<AnswerAcceptedView> HandleAsync(AnswerWithCodeCommand command, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.Code))
        {
            throw ValidationFailedException.For("code", PulseMessages.CodeRequired);
        }

        var place = await codes.FindAnswerableAsync(command.Code, ct) ?? throw CodeConsumption.Refused();
        var scores = command.ToScores();
        var errors = new FieldErrors();
        AnswerInput.Check(scores, place.Source, errors);
        errors.ThrowIfAny();

        if (!await recorder.RecordAsync(PulseAnswer.Online(place, scores), command.Code, ct))
        {
            throw CodeConsumption.Refused();
        }

        return new AnswerAcceptedView(PulseMessages.Thanks);
    }
}
