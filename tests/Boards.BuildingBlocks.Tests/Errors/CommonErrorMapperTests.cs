using Boards.BuildingBlocks.Errors;
using Npgsql;

namespace Boards.BuildingBlocks.Tests.Errors;

public sealed class CommonErrorMapperTests
{
    [Theory]
    [InlineData("22021")] // a NUL character in text
    [InlineData("22P05")] // an untranslatable character
    public void Text_postgresql_cannot_store_is_bad_input_not_a_500(string sqlState)
    {
        var error = new CommonErrorMapper().Map(new DbUpdateException("save failed", new PostgresException("bad text", "ERROR", "ERROR", sqlState)));

        Assert.NotNull(error);
        Assert.Equal(ApiErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void A_database_that_is_away_is_unavailable()
    {
        var error = new CommonErrorMapper().Map(new PostgresException("shutting down", "FATAL", "FATAL", "57P01"));

        Assert.Equal(ApiErrorKind.Unavailable, error?.Kind);
    }
}
