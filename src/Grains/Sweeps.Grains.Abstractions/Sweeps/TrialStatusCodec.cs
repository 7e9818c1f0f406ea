using System.Buffers;
using Orleans.Serialization;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.WireProtocol;
using Sweeps.Numerics.Trials;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// The Orleans wire form of a <see cref="TrialStatus"/>: its kebab-case name (<see cref="TrialStatusNames"/>) written
/// exactly as a <c>string</c> field is (<see cref="StringCodec"/>, reference tracking included). Records stored while
/// <see cref="TrialRecord.Status"/> was a string hold that form, so old and new records read each other's bytes.
/// Without this codec Orleans would write the enum as its integer and every stored record would stop reading.
/// </summary>
[RegisterSerializer]
public sealed class TrialStatusCodec : IFieldCodec<TrialStatus>
{
    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, TrialStatus value)
        where TBufferWriter : IBufferWriter<byte> =>
        StringCodec.WriteField(ref writer, fieldIdDelta, value.ToName());

    public TrialStatus ReadValue<TInput>(ref Reader<TInput> reader, Field field)
    {
        var name = StringCodec.ReadValue(ref reader, field);
        return TrialStatusNames.TryParse(name, out var status)
            ? status
            : throw new SerializerException(
                $"The stored trial status '{name ?? "(null)"}' is not one of {string.Join(", ", Enum.GetValues<TrialStatus>().Select(s => s.ToName()))}.");
    }
}
