namespace Boards.Needs.Domain.Categories;

/// <summary>A kind of need a household can have and a service can cover (reference data, extended by ministry-admin).</summary>
public sealed class NeedCategory
{
    /// <summary>Lower snake_case, stable (e.g. "food_security").</summary>
    public required string Code { get; init; }
    /// <summary>Spanish, as people read it ("Seguridad alimentaria").</summary>
    public required string Name { get; set; }
    /// <summary>True for the shipped list; false for those an administrator added.</summary>
    public bool Shipped { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
}
