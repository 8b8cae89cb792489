using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tributary.Replay.Hosting;

/// <summary>How every vendor body goes out: compact UTF-8 JSON with non-ASCII (°, µ, ø) left unescaped, as the vendors send it.</summary>
internal static class VendorResponse
{
    public const string Json = "application/json";

    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions SerializerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ReadOnlyMemory<byte> Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            body(writer);
        }
        return buffer.WrittenMemory;
    }

    /// <summary>A small body from an object whose properties are written in declaration order.</summary>
    public static ReadOnlyMemory<byte> Serialize(object body) => JsonSerializer.SerializeToUtf8Bytes(body, SerializerOptions);

    public static async Task SendAsync(HttpContext context, int status, ReadOnlyMemory<byte> body, string contentType = Json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method)) await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    public static Task SendJsonAsync(HttpContext context, int status, object body) =>
        SendAsync(context, status, Serialize(body));
}
