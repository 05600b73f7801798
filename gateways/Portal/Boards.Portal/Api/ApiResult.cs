namespace Boards.Portal.Api;

public enum ApiOutcome
{
    /// <summary>Not asked yet.</summary>
    Pending,
    Ok,
    /// <summary>400: field errors in <see cref="ApiResult{T}.FieldErrors"/>.</summary>
    Invalid,
    /// <summary>409: an illegal transition, a stale version, a service not offered.</summary>
    Conflict,
    Forbidden,
    NotFound,
    /// <summary>401: the token is missing, expired or invalid; the page sends the person to sign in.</summary>
    Unauthorized,
    /// <summary>The service is down, did not answer in time, or the gateway could not reach it.</summary>
    Unavailable,
}

/// <summary>What a call to the gateway gave: a value, or a reason the page can show in Spanish.</summary>
public sealed record ApiResult<T>
{
    public ApiOutcome Outcome { get; init; }
    public T? Value { get; init; }
    public int Status { get; init; }
    public string? Title { get; init; }
    public string? Detail { get; init; }
    public string? ProblemType { get; init; }
    public IReadOnlyDictionary<string, string[]> FieldErrors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>Extra members of the problem details (<c>serviceCode</c>, <c>currentStatus</c>).</summary>
    public IReadOnlyDictionary<string, string> Extensions { get; init; } = new Dictionary<string, string>();

    public bool IsOk => Outcome == ApiOutcome.Ok;

    public static ApiResult<T> Success(T value, int status) => new() { Outcome = ApiOutcome.Ok, Value = value, Status = status };
}

/// <summary>Thrown when the API answers 401: the page's caller redirects to sign-in.</summary>
public sealed class SessionExpiredException() : Exception("La sesión expiró.");
