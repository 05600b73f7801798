namespace Boards.Planning.Domain.Plans;

public enum Horizon
{
    Immediate,
    ShortTerm,
    MediumTerm,
    LongTerm,
}

public static class Horizons
{
    public static readonly IReadOnlyDictionary<string, Horizon> ByCode = new Dictionary<string, Horizon>(StringComparer.Ordinal)
    {
        ["immediate"] = Horizon.Immediate,
        ["short_term"] = Horizon.ShortTerm,
        ["medium_term"] = Horizon.MediumTerm,
        ["long_term"] = Horizon.LongTerm,
    };

    public static string Code(this Horizon horizon) => horizon switch
    {
        Horizon.Immediate => "immediate",
        Horizon.ShortTerm => "short_term",
        Horizon.MediumTerm => "medium_term",
        _ => "long_term",
    };

    public static string Label(this Horizon horizon) => horizon switch
    {
        Horizon.Immediate => "Inmediato",
        Horizon.ShortTerm => "Corto plazo",
        Horizon.MediumTerm => "Mediano plazo",
        _ => "Largo plazo",
    };
}
