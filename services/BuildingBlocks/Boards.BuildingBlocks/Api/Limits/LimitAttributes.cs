using System.Collections;
using System.ComponentModel.DataAnnotations;

namespace Boards.BuildingBlocks.Api.Limits;

/// <summary>
/// The longest text a REST body field takes. ASP.NET Core's validation refuses longer text with 400 before the handler
/// runs, and the OpenAPI document shows it as <c>maxLength</c>, which the boundary tests read. Use the same constant for
/// the database column.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class MaxTextAttribute(int length) : MaxLengthAttribute(length)
{
    public override string FormatErrorMessage(string name) => $"Admite como máximo {Length} caracteres.";
}

/// <summary>The most elements a REST body list takes (<c>maxItems</c> in the OpenAPI document).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class MaxItemsAttribute(int count) : MaxLengthAttribute(count)
{
    public override string FormatErrorMessage(string name) => $"Admite como máximo {Length} elementos.";
}

/// <summary>The longest text of each element of a list of strings (<c>items.maxLength</c> in the OpenAPI document).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class EachMaxTextAttribute(int length) : ValidationAttribute
{
    public int Length { get; } = length;

    public override bool IsValid(object? value) =>
        value is not IEnumerable items || value is string || items.Cast<object?>().All(item => item is not string text || text.Length <= Length);

    public override string FormatErrorMessage(string name) => $"Cada elemento admite como máximo {Length} caracteres.";
}

/// <summary>The smallest and largest number a REST body field takes (<c>minimum</c> and <c>maximum</c> in the OpenAPI document).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class BetweenAttribute : RangeAttribute
{
    public BetweenAttribute(int minimum, int maximum) : base(minimum, maximum)
    {
    }

    public BetweenAttribute(double minimum, double maximum) : base(minimum, maximum)
    {
    }

    public override string FormatErrorMessage(string name) => $"Debe estar entre {Minimum} y {Maximum}.";
}
