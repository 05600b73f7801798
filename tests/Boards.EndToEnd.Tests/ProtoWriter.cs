using Google.Protobuf;
using Google.Protobuf.Reflection;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Encodes a request of a reflected type with every field plausibly filled (<see cref="PlausibleValues"/>; enums take
/// their first value after UNSPECIFIED, numbers their minimum or 1, lists one element, one member per oneof) and the
/// field at <c>slot</c> (a path of fields from the request down) set to a boundary value.
/// </summary>
public sealed class ProtoWriter(ProtoTypes types, string municipality)
{
    private const int MaxDepth = 6;

    public byte[] Write(string requestType, IReadOnlyList<FieldDescriptorProto> slot, BoundaryValue value) =>
        Message(types.Message(requestType)!, slot, 0, value, []);

    public static bool Nests(FieldDescriptorProto field, ProtoTypes types) =>
        field.Type == Type.Message && !field.TypeName.StartsWith(".google.protobuf.", StringComparison.Ordinal) &&
        types.Message(field.TypeName) is { } nested && nested.Options?.MapEntry != true;

    private byte[] Message(DescriptorProto message, IReadOnlyList<FieldDescriptorProto>? slot, int at, BoundaryValue? value, HashSet<string> visiting)
    {
        var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        var next = slot is not null && at < slot.Count ? slot[at] : null;
        var oneofs = new HashSet<int>();
        if (next is { HasOneofIndex: true, Proto3Optional: false })
        {
            oneofs.Add(next.OneofIndex);
        }

        visiting.Add(message.Name);
        foreach (var field in message.Field)
        {
            if (field == next)
            {
                if (at == slot!.Count - 1)
                {
                    Boundary(output, field, value!, visiting);
                }
                else
                {
                    Nested(output, field, Message(types.Message(field.TypeName)!, slot, at + 1, value, visiting));
                }
            }
            else if (!field.HasOneofIndex || field.Proto3Optional || oneofs.Add(field.OneofIndex))
            {
                Plausible(output, field, message.Name, visiting);
            }
        }

        visiting.Remove(message.Name);
        output.Flush();
        return stream.ToArray();
    }

    private void Boundary(CodedOutputStream output, FieldDescriptorProto field, BoundaryValue value, HashSet<string> visiting)
    {
        if (value.Text is { } text)
        {
            output.WriteTag(field.Number, WireFormat.WireType.LengthDelimited);
            output.WriteString(text);
        }
        else if (value.Count is { } count)
        {
            for (ulong i = 0; i < count; i++)
            {
                Plausible(output, field, "", visiting);
            }
        }
        else
        {
            Number(output, field, value.Number!.Value);
        }
    }

    private void Plausible(CodedOutputStream output, FieldDescriptorProto field, string messageName, HashSet<string> visiting)
    {
        switch (field.Type)
        {
            case Type.String:
                var namesAMunicipality = field.Name == "code" && messageName.Contains("Municipality", StringComparison.Ordinal);
                var text = PlausibleValues.Text(field.Name, municipality, namesAMunicipality);
                var max = ProtoTypes.Rules(field) is { String.HasMaxLen: true } rules ? (int)Math.Min(rules.String.MaxLen, int.MaxValue) : int.MaxValue;
                output.WriteTag(field.Number, WireFormat.WireType.LengthDelimited);
                output.WriteString(text[..Math.Min(text.Length, max)]);
                break;
            case Type.Bool:
                output.WriteTag(field.Number, WireFormat.WireType.Varint);
                output.WriteBool(PlausibleValues.Flag(field.Name));
                break;
            case Type.Enum:
                var values = types.Enum(field.TypeName)?.Value;
                output.WriteTag(field.Number, WireFormat.WireType.Varint);
                output.WriteEnum(values?.FirstOrDefault(v => v.Number != 0)?.Number ?? 0);
                break;
            case Type.Message:
                if (Nests(field, types) && !visiting.Contains(types.Message(field.TypeName)!.Name) && visiting.Count < MaxDepth)
                {
                    Nested(output, field, Message(types.Message(field.TypeName)!, null, 0, null, visiting));
                }

                break;
            case Type.Bytes or Type.Group:
                break;
            default:
                Number(output, field, ProtoLimits.Minimum(field) ?? 1);
                break;
        }
    }

    private static void Nested(CodedOutputStream output, FieldDescriptorProto field, byte[] message)
    {
        output.WriteTag(field.Number, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(message));
    }

    private static void Number(CodedOutputStream output, FieldDescriptorProto field, decimal number)
    {
        switch (field.Type)
        {
            case Type.Int32 or Type.Int64 or Type.Uint32 or Type.Uint64 or Type.Enum:
                output.WriteTag(field.Number, WireFormat.WireType.Varint);
                output.WriteUInt64(number < 0 ? unchecked((ulong)(long)number) : (ulong)number);
                break;
            case Type.Sint32 or Type.Sint64:
                output.WriteTag(field.Number, WireFormat.WireType.Varint);
                output.WriteSInt64((long)number);
                break;
            case Type.Fixed32 or Type.Sfixed32:
                output.WriteTag(field.Number, WireFormat.WireType.Fixed32);
                output.WriteFixed32(unchecked((uint)(long)number));
                break;
            case Type.Fixed64 or Type.Sfixed64:
                output.WriteTag(field.Number, WireFormat.WireType.Fixed64);
                output.WriteFixed64(number < 0 ? unchecked((ulong)(long)number) : (ulong)number);
                break;
            case Type.Double:
                output.WriteTag(field.Number, WireFormat.WireType.Fixed64);
                output.WriteDouble((double)number);
                break;
            case Type.Float:
                output.WriteTag(field.Number, WireFormat.WireType.Fixed32);
                output.WriteFloat((float)number);
                break;
        }
    }
}
