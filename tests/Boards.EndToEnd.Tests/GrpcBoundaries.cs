using Google.Protobuf.Reflection;

namespace Boards.EndToEnd.Tests;

/// <summary>A boundary request to one gRPC method, as raw protobuf.</summary>
public sealed record GrpcCase(GrpcMethod Method, string Field, BoundaryKind Kind, string Value, byte[] Message)
    : BoundaryCase(Method.FullName, Field, Kind, Value)
{
    private static readonly StatusCode[] ServerFailures = [StatusCode.Internal, StatusCode.Unknown, StatusCode.DataLoss, StatusCode.DeadlineExceeded];

    public override async Task<BoundaryAnswer> SendAsync(BoardsAppFixture boards, string token)
    {
        var status = await RawGrpc.CallAsync(boards.Channel.CreateCallInvoker(), Method, Message, BoardsAppFixture.Bearer(token), TimeSpan.FromSeconds(20));
        return new BoundaryAnswer($"gRPC {status.StatusCode}", status.StatusCode != StatusCode.OK, ServerFailures.Contains(status.StatusCode), status.Detail);
    }
}

/// <summary>
/// The boundary cases of a gRPC method: every field of its request (nested messages and lists of them included) whose
/// protovalidate rules declare a maximum length, a maximum number of items or a range of numbers.
/// </summary>
public static class GrpcBoundaries
{
    public static (List<GrpcCase> Cases, int Fields, List<string> Undeclared) For(GrpcMethod method, string municipality)
    {
        var types = method.Types!;
        var writer = new ProtoWriter(types, municipality);
        var cases = new List<GrpcCase>();
        var undeclared = new List<string>();
        var fields = 0;
        foreach (var (slot, name, limit) in Slots(types, types.Message(method.InputType)!, [], "", [], undeclared))
        {
            fields++;
            cases.AddRange(limit.Cases().Select(c => new GrpcCase(method, name, c.Kind, c.Value.ToString(), writer.Write(method.InputType, slot, c.Value))));
        }

        return (cases, fields, undeclared.Select(field => $"{method.FullName} {field}").ToList());
    }

    private static IEnumerable<(List<FieldDescriptorProto> Slot, string Name, DeclaredLimit Limit)> Slots(
        ProtoTypes types, DescriptorProto message, List<FieldDescriptorProto> path, string prefix, HashSet<string> visiting, List<string> undeclared)
    {
        visiting.Add(message.Name);
        foreach (var field in message.Field)
        {
            var slot = new List<FieldDescriptorProto>(path) { field };
            var name = prefix + field.Name;
            if (ProtoLimits.Of(field) is { } limit)
            {
                yield return (slot, name, limit);
            }
            else if (field.Type == FieldDescriptorProto.Types.Type.String)
            {
                undeclared.Add(name);
            }

            if (ProtoWriter.Nests(field, types) && types.Message(field.TypeName) is { } nested && !visiting.Contains(nested.Name))
            {
                var inner = field.Label == FieldDescriptorProto.Types.Label.Repeated ? $"{name}[]." : $"{name}.";
                foreach (var found in Slots(types, nested, slot, inner, visiting, undeclared))
                {
                    yield return found;
                }
            }
        }

        visiting.Remove(message.Name);
    }
}
