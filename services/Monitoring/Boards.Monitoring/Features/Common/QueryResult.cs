namespace Boards.Monitoring.Features.Common;

/// <summary>What a monitoring query answers: the data, or why not. REST and gRPC each translate the reasons.</summary>
public abstract record QueryResult<T>
{
    private QueryResult()
    {
    }

    public sealed record Found(T Value) : QueryResult<T>;

    /// <summary>Bad input; Field is the request field (proto and JSON share the name "code").</summary>
    public sealed record Invalid(string Field, string Message) : QueryResult<T>;

    public sealed record Forbidden(string Message) : QueryResult<T>;

    public sealed record NotFound(string Message) : QueryResult<T>;

    /// <summary>The request cannot be applied in the current state (e.g. acknowledging a resolved warning).</summary>
    public sealed record Conflict(string Message) : QueryResult<T>;
}
