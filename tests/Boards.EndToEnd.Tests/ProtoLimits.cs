using Buf.Validate;
using Google.Protobuf.Reflection;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Boards.EndToEnd.Tests;

/// <summary>The limits a reflected field declares with protovalidate, as <see cref="DeclaredLimit"/>.</summary>
public static class ProtoLimits
{
    public static DeclaredLimit? Of(FieldDescriptorProto field)
    {
        if (ProtoTypes.Rules(field) is not { } rules)
        {
            return null;
        }

        var text = rules.String is { HasMaxLen: true } own ? own.MaxLen
            : rules.Repeated?.Items?.String is { HasMaxLen: true } each ? each.MaxLen
            : (ulong?)null;
        var items = rules.Repeated is { HasMaxItems: true } repeated ? repeated.MaxItems : (ulong?)null;
        var (min, max) = Range(rules);
        // A value past the limit that the field's type cannot carry cannot be sent (an unsigned field's minimum of 0).
        var below = min is { } low && Fits(field, low) ? low : (decimal?)null;
        var above = max is { } high && Fits(field, high) ? high : (decimal?)null;
        return text is null && items is null && below is null && above is null ? null : new DeclaredLimit(text, items, below, above);
    }

    /// <summary>The smallest value the field accepts, when it declares one (gte, or gt + 1).</summary>
    public static decimal? Minimum(FieldDescriptorProto field) =>
        ProtoTypes.Rules(field) is { } rules && Range(rules).Below is { } below ? below + 1 : null;

    /// <summary>The first value below the minimum and the first above the maximum.</summary>
    private static (decimal? Below, decimal? Above) Range(FieldRules rules) => rules.TypeCase switch
    {
        FieldRules.TypeOneofCase.Int32 => Bounds(rules.Int32.HasGte ? rules.Int32.Gte : null, rules.Int32.HasGt ? rules.Int32.Gt : null,
            rules.Int32.HasLte ? rules.Int32.Lte : null, rules.Int32.HasLt ? rules.Int32.Lt : null),
        FieldRules.TypeOneofCase.Int64 => Bounds(rules.Int64.HasGte ? rules.Int64.Gte : null, rules.Int64.HasGt ? rules.Int64.Gt : null,
            rules.Int64.HasLte ? rules.Int64.Lte : null, rules.Int64.HasLt ? rules.Int64.Lt : null),
        FieldRules.TypeOneofCase.Uint32 => Bounds(rules.Uint32.HasGte ? rules.Uint32.Gte : null, rules.Uint32.HasGt ? rules.Uint32.Gt : null,
            rules.Uint32.HasLte ? rules.Uint32.Lte : null, rules.Uint32.HasLt ? rules.Uint32.Lt : null),
        FieldRules.TypeOneofCase.Uint64 => Bounds(rules.Uint64.HasGte ? rules.Uint64.Gte : null, rules.Uint64.HasGt ? rules.Uint64.Gt : null,
            rules.Uint64.HasLte ? rules.Uint64.Lte : null, rules.Uint64.HasLt ? rules.Uint64.Lt : null),
        FieldRules.TypeOneofCase.Sint32 => Bounds(rules.Sint32.HasGte ? rules.Sint32.Gte : null, rules.Sint32.HasGt ? rules.Sint32.Gt : null,
            rules.Sint32.HasLte ? rules.Sint32.Lte : null, rules.Sint32.HasLt ? rules.Sint32.Lt : null),
        FieldRules.TypeOneofCase.Sint64 => Bounds(rules.Sint64.HasGte ? rules.Sint64.Gte : null, rules.Sint64.HasGt ? rules.Sint64.Gt : null,
            rules.Sint64.HasLte ? rules.Sint64.Lte : null, rules.Sint64.HasLt ? rules.Sint64.Lt : null),
        _ => (null, null),
    };

    private static (decimal? Below, decimal? Above) Bounds(decimal? gte, decimal? gt, decimal? lte, decimal? lt) =>
        (gte - 1 ?? gt, lte + 1 ?? lt);

    private static bool Fits(FieldDescriptorProto field, decimal value) => field.Type switch
    {
        Type.Int32 or Type.Sint32 or Type.Sfixed32 => value is >= int.MinValue and <= int.MaxValue,
        Type.Int64 or Type.Sint64 or Type.Sfixed64 => value is >= long.MinValue and <= long.MaxValue,
        Type.Uint32 or Type.Fixed32 => value is >= 0 and <= uint.MaxValue,
        Type.Uint64 or Type.Fixed64 => value is >= 0 and <= ulong.MaxValue,
        _ => false,
    };
}
