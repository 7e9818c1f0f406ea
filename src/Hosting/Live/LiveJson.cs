using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sweeps.Hosting.Live;

/// <summary>
/// JSON of the live API: snake_case names (as the CSV columns), NaN and infinities as null (a metric
/// that does not apply; JSON has no NaN), 64-bit seeds as strings (JavaScript numbers lose bits past 2^53).
/// </summary>
public static class LiveJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new FiniteDoubleConverter() },
    };

    private sealed class FiniteDoubleConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value))
                writer.WriteNumberValue(value);
            else
                writer.WriteNullValue();
        }
    }
}
