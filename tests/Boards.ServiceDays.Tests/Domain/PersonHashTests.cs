using System.Text;

namespace Boards.ServiceDays.Tests.Domain;

public sealed class PersonHashTests
{
    private readonly PersonHash _hash = new(Encoding.UTF8.GetBytes("secreto-de-prueba"));

    [Fact]
    public void The_same_document_written_differently_is_the_same_person() =>
        Assert.Equal(_hash.OfDocument("1.234.567"), _hash.OfDocument(" 1234567 "));

    [Fact]
    public void Different_documents_and_different_secrets_give_different_hashes()
    {
        Assert.NotEqual(_hash.OfDocument("1234567"), _hash.OfDocument("1234568"));
        Assert.NotEqual(_hash.OfDocument("1234567"), new PersonHash(Encoding.UTF8.GetBytes("otro")).OfDocument("1234567"));
    }

    [Fact]
    public void The_hash_does_not_contain_the_number() =>
        Assert.DoesNotContain("1234567", _hash.OfDocument("1234567"), StringComparison.Ordinal);
}
