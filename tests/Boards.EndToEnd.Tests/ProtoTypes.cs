using Buf.Validate;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// The messages and enums of the files a service's reflection sent, by full name (".boards.referrals.v1.Person"),
/// with protovalidate's field rules parsed into each field's options (extension <c>buf.validate.field</c>).
/// </summary>
public sealed class ProtoTypes
{
    /// <summary>Parses reflected files so that FieldOptions carry <see cref="FieldRules"/> instead of unknown bytes.</summary>
    public static readonly MessageParser<FileDescriptorProto> Parser =
        FileDescriptorProto.Parser.WithExtensionRegistry(new ExtensionRegistry { ValidateExtensions.Field });

    private readonly Dictionary<string, DescriptorProto> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumDescriptorProto> _enums = new(StringComparer.Ordinal);

    public void Add(FileDescriptorProto file)
    {
        var prefix = file.Package.Length > 0 ? $".{file.Package}" : "";
        foreach (var message in file.MessageType)
        {
            AddMessage(prefix, message);
        }

        foreach (var type in file.EnumType)
        {
            _enums.TryAdd($"{prefix}.{type.Name}", type);
        }
    }

    public DescriptorProto? Message(string fullName) => _messages.GetValueOrDefault(fullName.StartsWith('.') ? fullName : "." + fullName);

    public EnumDescriptorProto? Enum(string fullName) => _enums.GetValueOrDefault(fullName);

    /// <summary>The field's protovalidate rules, or null when it declares none.</summary>
    public static FieldRules? Rules(FieldDescriptorProto field) =>
        field.Options is { } options && options.HasExtension(ValidateExtensions.Field) ? options.GetExtension(ValidateExtensions.Field) : null;

    private void AddMessage(string prefix, DescriptorProto message)
    {
        var name = $"{prefix}.{message.Name}";
        _messages.TryAdd(name, message);
        foreach (var nested in message.NestedType)
        {
            AddMessage(name, nested);
        }

        foreach (var type in message.EnumType)
        {
            _enums.TryAdd($"{name}.{type.Name}", type);
        }
    }
}
