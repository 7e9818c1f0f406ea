using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sweeps.Numerics.External;

/// <summary>
/// Reads and writes NumPy .npy files (format versions 1.0 to 3.0): a magic string, a header dict
/// ('descr', 'fortran_order', 'shape') padded to 64 bytes, then the raw array. Written arrays are
/// little-endian float64 in C order (<c>numpy.load</c> reads them); read arrays may be float64 or
/// float32, little- or big-endian, C or Fortran order, and come back as float64 in C order.
/// </summary>
public static partial class NpyFile
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static void Write(string path, ReadOnlySpan<double> data, params int[] shape)
    {
        var count = shape.Aggregate(1L, (n, s) => n * s);
        if (count != data.Length)
            throw new ArgumentException($"shape ({string.Join(", ", shape)}) holds {count} values, not {data.Length}.", nameof(shape));
        var dims = shape.Length == 1 ? $"{shape[0]}," : string.Join(", ", shape);
        var dict = $"{{'descr': '<f8', 'fortran_order': False, 'shape': ({dims}), }}";
        // Magic (6) + version (2) + length (2) + dict + '\n' is a multiple of 64.
        var padded = dict.PadRight((10 + dict.Length + 1 + 63) / 64 * 64 - 10 - 1) + "\n";
        using var file = File.Create(path);
        file.Write(Magic);
        file.Write([1, 0]);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)padded.Length);
        file.Write(length);
        file.Write(Encoding.ASCII.GetBytes(padded));
        var bytes = new byte[data.Length * 8];
        for (var i = 0; i < data.Length; i++)
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), data[i]);
        file.Write(bytes);
    }

    /// <summary>The array in a .npy file as float64 in C order, with its shape; <see cref="FormatException"/> says what is wrong.</summary>
    public static (double[] Data, int[] Shape) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Path.GetFileName(path);
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(Magic))
            throw new FormatException($"{name}: not a .npy file (no \\x93NUMPY magic); save it with numpy.save.");
        int major = bytes[6], headerLength, start;
        if (major == 1)
            (headerLength, start) = (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)), 10);
        else if (major is 2 or 3 && bytes.Length >= 12)
            (headerLength, start) = ((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)), 12);
        else
            throw new FormatException($"{name}: .npy format version {major} is not supported; versions 1 to 3 are.");
        if (start + (long)headerLength > bytes.Length)
            throw new FormatException($"{name}: the header is cut short.");
        var header = Encoding.Latin1.GetString(bytes, start, headerLength);
        var descr = Field(DescrPattern(), header, name, "descr");
        var fortran = Field(FortranPattern(), header, name, "fortran_order") == "True";
        var shapeText = Field(ShapePattern(), header, name, "shape");
        var shape = shapeText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
                : throw new FormatException($"{name}: shape ({shapeText}) is not a tuple of whole numbers."))
            .ToArray();
        var (size, bigEndian) = descr switch
        {
            "<f8" or "=f8" or "|f8" => (8, false),
            ">f8" => (8, true),
            "<f4" or "=f4" or "|f4" => (4, false),
            ">f4" => (4, true),
            _ => throw new FormatException($"{name}: dtype '{descr}' is not supported; save float64 (or float32) arrays."),
        };
        var count = shape.Aggregate(1L, (n, s) => n * s);
        var body = start + headerLength;
        if (bytes.Length - body != count * size)
            throw new FormatException($"{name}: shape ({shapeText}) of {descr} needs {count * size} bytes of data, the file has {bytes.Length - body}.");
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var at = bytes.AsSpan(body + i * size, size);
            values[i] = size == 8
                ? (bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(at) : BinaryPrimitives.ReadDoubleLittleEndian(at))
                : (bigEndian ? BinaryPrimitives.ReadSingleBigEndian(at) : BinaryPrimitives.ReadSingleLittleEndian(at));
        }
        return (fortran && shape.Length > 1 ? ToCOrder(values, shape) : values, shape);
    }

    private static string Field(Regex pattern, string header, string name, string field) =>
        pattern.Match(header) is { Success: true } m ? m.Groups[1].Value
            : throw new FormatException($"{name}: the header has no '{field}'.");

    /// <summary>Fortran (column-major) order to C (row-major) order: the index of the first axis varies fastest in the source.</summary>
    private static double[] ToCOrder(double[] source, int[] shape)
    {
        var target = new double[source.Length];
        var index = new int[shape.Length];
        for (var c = 0; c < source.Length; c++)
        {
            var f = 0;
            for (var a = shape.Length - 1; a >= 0; a--)
                f = f * shape[a] + index[a];
            target[c] = source[f];
            for (var a = shape.Length - 1; a >= 0 && ++index[a] == shape[a]; a--)
                index[a] = 0;
        }
        return target;
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
