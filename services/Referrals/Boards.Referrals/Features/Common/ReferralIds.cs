namespace Boards.Referrals.Features.Common;

public static class ReferralIds
{
    public static Guid Parse(string? id, string field = "id")
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { [field] = ["Indique el identificador de la referencia."] });
        }

        return Guid.TryParse(id, out var parsed)
            ? parsed
            : throw new ValidationFailedException(new Dictionary<string, string[]> { [field] = ["No es un identificador de referencia válido."] });
    }
}
