using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tributary.Replay.OpenAq;

/// <summary>Writes OpenAQ's JSON: camelCase, raw UTF-8 (µg/m³ as the vendor sends it, not \u-escaped).</summary>
internal static class OpenAqJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ReadOnlyMemory<byte> Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            body(writer);
        }
        return buffer.WrittenMemory;
    }

    /// <summary>Error bodies: <c>{"detail": ...}</c> from the API, <c>{"message": ...}</c> from the WAF in front of it.</summary>
    public static ReadOnlyMemory<byte> Error(string field, string text) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString(field, text);
        w.WriteEndObject();
    });

    /// <summary>A 422 body: in the current API source a JSON <em>string</em>, not an object.</summary>
    public static ReadOnlyMemory<byte> Validation(string message) => Write(w => w.WriteStringValue(message));

    public static async Task SendAsync(HttpContext context, int status, ReadOnlyMemory<byte> body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    public static void Instant(Utf8JsonWriter w, string name, DateTimeOffset utc)
    {
        w.WriteStartObject(name);
        w.WriteString("utc", utc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("local", utc.ToOffset(AirQualityGenerator.OsloOffset(utc)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }

    public static void Meta(Utf8JsonWriter w, int page, int limit, Action<Utf8JsonWriter> found)
    {
        w.WriteStartObject("meta");
        w.WriteString("name", "openaq-api");
        w.WriteString("website", "/");
        w.WriteNumber("page", page);
        w.WriteNumber("limit", limit);
        w.WritePropertyName("found");
        found(w);
        w.WriteEndObject();
    }
}
