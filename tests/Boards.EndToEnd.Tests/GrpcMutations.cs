using Google.Protobuf;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Malformed gRPC messages from a seeded random source: random fields of random wire types (huge and negative varints,
/// invalid UTF-8, 200 KB strings, nested garbage), corrupted encodings (truncated, flipped bytes, bad lengths), and
/// valid referrals with one field overridden by a bad value (protobuf keeps the last), alone or in oversized batches.
/// </summary>
public sealed class GrpcMutations(Random random)
{
    private static readonly int MunicipalityField = CreateReferralRequest.Descriptor.FindFieldByName("municipality_code").FieldNumber;
    private static readonly int PriorityField = CreateReferralRequest.Descriptor.FindFieldByName("priority").FieldNumber;
    private static readonly int PageSizeField = ListReferralsRequest.Descriptor.FindFieldByName("page_size").FieldNumber;

    public byte[] Create(GrpcMethod method)
    {
        var message = method.InputType switch
        {
            "boards.referrals.v1.CreateReferralRequest" when random.Next(2) == 0 => BrokenReferral(),
            "boards.referrals.v1.BatchCreateReferralsRequest" when random.Next(2) == 0 => Batch(random.Next(2) == 0 ? random.Next(101, 400) : random.Next(1, 20)),
            "boards.referrals.v1.ListReferralsRequest" when random.Next(2) == 0 => NegativePaging(),
            _ => RandomMessage(0),
        };
        return random.Next(6) == 0 ? Corrupt(message) : message;
    }

    /// <summary>A valid referral with one field made invalid at the end of the encoding.</summary>
    private byte[] BrokenReferral()
    {
        var valid = Requests.NewReferral().ToByteArray();
        var stream = new MemoryStream();
        stream.Write(valid);
        var output = new CodedOutputStream(stream);
        switch (random.Next(4))
        {
            case 0:
                output.WriteTag(PriorityField, WireFormat.WireType.Varint);
                output.WriteInt32(random.Next(2) == 0 ? 999 : -5);
                break;
            case 1:
                output.WriteTag(MunicipalityField, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(0xC3, 0x28, 0xFF, 0xFE));
                break;
            case 2:
                output.WriteTag(MunicipalityField, WireFormat.WireType.LengthDelimited);
                output.WriteString(new string('a', random.Next(1_000, 200_000)));
                break;
            default:
                // A wrong wire type is kept as an unknown field and breaks nothing by itself; the unknown code does.
                output.WriteTag(MunicipalityField, WireFormat.WireType.Varint);
                output.WriteInt64(-1);
                output.WriteTag(MunicipalityField, WireFormat.WireType.LengthDelimited);
                output.WriteString("municipio-que-no-existe");
                break;
        }

        output.Flush();
        return stream.ToArray();
    }

    /// <summary>BatchCreateReferralsRequest: items = 1, each with reference_id = 1 and referral = 2.</summary>
    private byte[] Batch(int items)
    {
        var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        for (var i = 0; i < items; i++)
        {
            var item = new MemoryStream();
            var itemOutput = new CodedOutputStream(item);
            itemOutput.WriteTag(1, WireFormat.WireType.LengthDelimited);
            itemOutput.WriteString(random.Next(5) == 0 ? "" : $"fuzz-{i}");
            itemOutput.WriteTag(2, WireFormat.WireType.LengthDelimited);
            itemOutput.WriteBytes(ByteString.CopyFrom(BrokenReferral()));
            itemOutput.Flush();
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(item.ToArray()));
        }

        output.Flush();
        return stream.ToArray();
    }

    private byte[] NegativePaging()
    {
        var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(PageSizeField, WireFormat.WireType.Varint);
        output.WriteInt32(random.Next(2) == 0 ? -1 : int.MinValue);
        output.WriteTag(PageSizeField + 1, WireFormat.WireType.LengthDelimited);
        output.WriteString(random.Next(2) == 0 ? "no-es-un-cursor" : "");
        output.Flush();
        return stream.ToArray();
    }

    private byte[] RandomMessage(int depth)
    {
        var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        for (var fields = random.Next(8); fields > 0; fields--)
        {
            var number = random.Next(1, 20);
            switch (random.Next(depth < 2 ? 7 : 6))
            {
                case 0:
                    output.WriteTag(number, WireFormat.WireType.Varint);
                    output.WriteUInt64(random.Next(4) switch { 0 => ulong.MaxValue, 1 => 999, 2 => (ulong)int.MaxValue + 1, _ => (ulong)random.Next(100) });
                    break;
                case 1:
                    output.WriteTag(number, WireFormat.WireType.LengthDelimited);
                    output.WriteString(new string('x', random.Next(0, 200_000)));
                    break;
                case 2:
                    output.WriteTag(number, WireFormat.WireType.LengthDelimited);
                    output.WriteBytes(ByteString.CopyFrom(0xC3, 0x28, 0xA0, 0xA1, 0xFF));
                    break;
                case 3:
                    output.WriteTag(number, WireFormat.WireType.Fixed64);
                    output.WriteFixed64((ulong)random.NextInt64());
                    break;
                case 4:
                    output.WriteTag(number, WireFormat.WireType.Fixed32);
                    output.WriteFixed32((uint)random.Next());
                    break;
                case 5:
                    output.WriteTag(number, WireFormat.WireType.LengthDelimited);
                    output.WriteString(random.Next(2) == 0 ? "alto-vera\u0000" : "ñandutí \u202E 🚀");
                    break;
                default:
                    output.WriteTag(number, WireFormat.WireType.LengthDelimited);
                    output.WriteBytes(ByteString.CopyFrom(RandomMessage(depth + 1)));
                    break;
            }
        }

        output.Flush();
        return stream.ToArray();
    }

    private byte[] Corrupt(byte[] message)
    {
        var bytes = message.Length > 0 ? (byte[])message.Clone() : [0x0A, 0x05, 0x61];
        switch (random.Next(4))
        {
            case 0:
                return bytes[..Math.Max(1, random.Next(bytes.Length))];
            case 1:
                for (var flips = random.Next(1, 8); flips > 0; flips--)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                return bytes;
            case 2:
                // Field 0 and the deprecated group wire types are never valid.
                return [0x00, .. bytes];
            default:
                // A length prefix far beyond the message.
                return [0x0A, 0xFF, 0xFF, 0xFF, 0x7F, .. bytes];
        }
    }
}
