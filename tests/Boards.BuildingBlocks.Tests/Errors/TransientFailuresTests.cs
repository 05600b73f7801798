using System.Net.Sockets;
using Boards.BuildingBlocks.Errors;
using Grpc.Core;
using Npgsql;

namespace Boards.BuildingBlocks.Tests.Errors;

/// <summary>Which failures become Unavailable / 503 with Retry-After (try again) rather than a 500.</summary>
public sealed class TransientFailuresTests
{
    [Theory]
    [InlineData("57P01")] // admin shutdown: PostgreSQL restarting
    [InlineData("57P03")] // cannot connect now: starting up
    [InlineData("08006")] // connection failure
    [InlineData("53300")] // too many connections
    public void A_database_going_away_is_transient_also_when_ef_core_wraps_it(string sqlState)
    {
        var postgres = new PostgresException("gone", "FATAL", "FATAL", sqlState);

        Assert.True(TransientFailures.IsTransient(postgres));
        Assert.True(TransientFailures.IsTransient(new DbUpdateException("save failed", postgres)));
        Assert.True(TransientFailures.IsTransient(new InvalidOperationException("outer", new DbUpdateException("save failed", postgres))));
    }

    [Theory]
    [InlineData("23505")] // unique violation: a conflict, not an outage
    [InlineData("22P02")] // invalid text representation: a bug or bad input
    public void A_database_refusing_the_request_is_not_transient(string sqlState) =>
        Assert.False(TransientFailures.IsTransient(new DbUpdateException("save failed", new PostgresException("no", "ERROR", "ERROR", sqlState))));

    [Fact]
    public void A_refused_connection_and_another_service_answering_unavailable_are_transient()
    {
        Assert.True(TransientFailures.IsTransient(new NpgsqlException("connect failed", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(TransientFailures.IsTransient(new RpcException(new Status(StatusCode.Unavailable, "down"))));
        Assert.True(TransientFailures.IsTransient(new AggregateException(new InvalidOperationException("x"), new RpcException(new Status(StatusCode.Unavailable, "down")))));
    }

    [Fact]
    public void Ordinary_failures_are_not_transient()
    {
        Assert.False(TransientFailures.IsTransient(new InvalidOperationException("a bug")));
        Assert.False(TransientFailures.IsTransient(new RpcException(new Status(StatusCode.Internal, "a bug elsewhere"))));
    }

    [Fact]
    public void The_error_says_when_to_try_again()
    {
        Assert.Equal(ApiErrorKind.Unavailable, TransientFailures.Unavailable.Kind);
        Assert.Equal(TimeSpan.FromSeconds(5), TransientFailures.Unavailable.RetryAfter);
    }
}
