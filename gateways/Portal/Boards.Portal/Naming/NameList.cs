namespace Boards.Portal.Naming;

/// <summary>One code and the name a person reads for it; <see cref="Group"/> is a municipality's department or a service's institution.</summary>
public sealed record NamedCode(string Code, string Name, string? Group = null);

/// <summary>A list of codes with their names, in the order the service gave them (a form's choices read it).</summary>
public sealed class NameList
{
    public static readonly NameList Empty = new([]);

    private readonly Dictionary<string, string> _names;

    public NameList(IReadOnlyList<NamedCode> items)
    {
        Items = items;
        _names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items.Where(i => i.Name.Length > 0))
        {
            _names.TryAdd(item.Code, item.Name);
        }
    }

    public IReadOnlyList<NamedCode> Items { get; }

    /// <summary>Code → name, for the components that take a dictionary.</summary>
    public IReadOnlyDictionary<string, string> ByCode => _names;

    /// <summary>False when the list could not be read (service down, not allowed): a form then offers a text box.</summary>
    public bool IsKnown => Items.Count > 0;

    public string? Find(string? code) => code is { Length: > 0 } && _names.TryGetValue(code, out var name) ? name : null;
}
