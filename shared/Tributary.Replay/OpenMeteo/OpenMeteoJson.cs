using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tributary.Replay.OpenMeteo;

/// <summary>How Open-Meteo bodies are written: compact UTF-8, with <c>°</c> and quotes left unescaped like the vendor.</summary>
internal static class OpenMeteoJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static async Task WriteAsync(HttpContext context, int statusCode, ReadOnlyMemory<byte> body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = ContentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>The vendor's error shape, <c>{"reason":"...","error":true}</c>, for 400, 429 and 500 alike.</summary>
    public static Task WriteErrorAsync(HttpContext context, int statusCode, string reason)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("reason", reason);
            json.WriteBoolean("error", true);
            json.WriteEndObject();
        }

        return WriteAsync(context, statusCode, buffer.WrittenMemory);
    }
}
