namespace Boards.BuildingBlocks.Errors;

/// <summary>Input failed validation; Errors maps a camelCase field path (e.g. person.birthDate) to Spanish messages.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("La solicitud tiene datos inválidos.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailedException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

public sealed class NotFoundException(string message) : Exception(message)
{
    /// <summary>The problem's title; a service may name what was not found ("Municipio no encontrado.").</summary>
    public string Title { get; init; } = "No encontrado.";
}

public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The caller's expected version is not the current one: someone changed it first.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);

/// <summary>
/// The request is well formed but the thing is not in a state that allows it (a closed round, an approved plan, a day
/// already held): 409 with the reason, FailedPrecondition in gRPC. Type and Subject feed google.rpc.PreconditionFailure
/// and the problem's "code"; a <see cref="State"/> refusal also names the current state ("currentStatus" = Subject).
/// </summary>
public sealed class PreconditionFailedException(string type, string subject, string message) : Exception(message)
{
    /// <summary>The thing's state does not allow the change; Subject is that state's code.</summary>
    public const string State = "STATE";

    public string Type { get; } = type;
    public string Subject { get; } = subject;
    public string Title { get; init; } = type == State ? "Transición no permitida." : "No se puede en este momento.";
}

/// <summary>The code or id is taken (a category, a plan for that year, a reused idempotency key): 409, AlreadyExists in gRPC.</summary>
public sealed class AlreadyExistsException(string message) : Exception(message)
{
    public string Title { get; init; } = "Ya existe.";
}

/// <summary>Collects field errors and throws them together, so a caller learns every problem at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
