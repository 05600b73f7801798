using System.Security.Cryptography;
using System.Text;
using Boards.Participation.Domain.Codes;

namespace Boards.Participation.Tests.Domain;

public sealed class OneTimeCodeTests
{
    [Fact]
    public void A_code_carries_at_least_60_bits_in_an_unambiguous_alphabet()
    {
        var bits = OneTimeCode.Length * Math.Log2(OneTimeCode.Alphabet.Distinct().Count());

        Assert.True(bits >= 60, $"{bits} bits");
        Assert.Equal(32, OneTimeCode.Alphabet.Distinct().Count());
        // Crockford's base 32: the letters read as digits (I, L, O) and U are not used.
        Assert.DoesNotContain(OneTimeCode.Alphabet, c => c is 'I' or 'L' or 'O' or 'U');
    }

    [Fact]
    public void New_codes_use_only_the_alphabet_are_distinct_and_every_symbol_turns_up_in_every_position()
    {
        var codes = Enumerable.Range(0, 20_000).Select(_ => OneTimeCode.New()).ToList();

        Assert.All(codes, code => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{12}$", code));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        // 20 000 draws, 32 symbols: about 625 of each per position; a biased or short source would leave gaps.
        for (var position = 0; position < OneTimeCode.Length; position++)
        {
            var counts = codes.GroupBy(c => c[position]).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(32, counts.Count);
            Assert.All(counts.Values, n => Assert.InRange(n, 450, 800));
        }
    }

    [Fact]
    public void A_code_is_shown_in_groups_of_four()
    {
        Assert.Equal("ABCD-EFGH-JKMN", OneTimeCode.Grouped("ABCDEFGHJKMN"));
    }

    [Theory]
    [InlineData("abcd-efgh-jkmn", "ABCDEFGHJKMN")]
    [InlineData(" ABCD EFGH JKMN ", "ABCDEFGHJKMN")]
    [InlineData("0O1I-L234-5678", "0011 1234 5678")]
    public void Typing_is_forgiving_about_case_separators_and_look_alike_letters(string typed, string expected)
    {
        Assert.Equal(expected.Replace(" ", "", StringComparison.Ordinal), OneTimeCode.Normalize(typed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCD-EFGH-JKM")]
    [InlineData("ABCD-EFGH-JKMNP")]
    [InlineData("ABCD-EFGH-JKMU")]
    [InlineData("ABCD-EFGH-JKM!")]
    [InlineData("ABCD-EFGH-JKMN-ABCD-EFGH-JKMN-ABCD")]
    public void Text_that_cannot_be_a_code_normalizes_to_nothing(string typed)
    {
        Assert.Null(OneTimeCode.Normalize(typed));
    }

    [Fact]
    public void The_hash_is_the_sha256_of_the_normalized_code()
    {
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes("ABCDEFGHJKMN")), OneTimeCode.Hash("ABCDEFGHJKMN"));
        Assert.Equal(32, OneTimeCode.Hash("ABCDEFGHJKMN").Length);
    }
}
