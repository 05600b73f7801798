namespace Boards.Membership.Domain.Representativity.Components;

/// <summary>The score's one rounding rule for values, sub-scores, weights and inputs: 4 decimals, midpoints away from zero.</summary>
internal static class Rounding
{
    public static decimal R4(double value) => Math.Round((decimal)value, 4, MidpointRounding.AwayFromZero);

    public static decimal R4(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
