namespace Boards.Needs.Domain.Categories;

/// <summary>
/// A kind of need a household can have and a service can cover (reference data, extended by ministry-admin). Never
/// renamed or removed once it exists.
/// </summary>
public sealed class NeedCategory
{
    /// <summary>Lower snake_case, stable (e.g. "food_security").</summary>
    public required string Code { get; init; }
    /// <summary>Spanish, as people read it ("Seguridad alimentaria").</summary>
    public required string Name { get; init; }
    /// <summary>True for the shipped list; false for those an administrator added.</summary>
    public bool Shipped { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public string? CreatedBy { get; private init; }

    /// <summary>A category of the list every installation has, seeded at start.</summary>
    public static NeedCategory FromShippedList(string code, string name, DateTimeOffset now) =>
        new() { Code = code, Name = name, Shipped = true, CreatedAt = now };

    /// <summary>A category an administrator adds. The code is unique: the caller checks.</summary>
    public static NeedCategory Add(string code, string name, string addedBy, DateTimeOffset now) =>
        new() { Code = code, Name = name, CreatedAt = now, CreatedBy = addedBy };
}
