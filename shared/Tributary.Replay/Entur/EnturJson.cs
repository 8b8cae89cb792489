using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tributary.Replay.Entur.JourneyPlanner;

namespace Tributary.Replay.Entur;

/// <summary>How Entur bodies are written: compact UTF-8 with non-ASCII letters (ø, å) left unescaped, as Jackson writes them.</summary>
internal static class EnturJson
{
    public const string ContentType = "application/json";

    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    public static async Task WriteAsync(HttpContext context, int statusCode, ReadOnlyMemory<byte> body, string contentType = ContentType)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary><c>{"errors":[...]}</c> with no <c>data</c>: the body of validation errors and of OTP's 400/422/500 answers.</summary>
    public static Task WriteErrorsAsync(HttpContext context, int statusCode, IReadOnlyList<GraphQLError> errors)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WritePropertyName("errors");
            WriteErrors(json, errors);
            json.WriteEndObject();
        }

        return WriteAsync(context, statusCode, buffer.WrittenMemory);
    }

    public static void WriteErrors(Utf8JsonWriter json, IReadOnlyList<GraphQLError> errors)
    {
        json.WriteStartArray();
        foreach (var error in errors)
        {
            json.WriteStartObject();
            json.WriteString("message", error.Message);
            json.WriteStartArray("locations");
            foreach (var location in error.Locations)
            {
                json.WriteStartObject();
                json.WriteNumber("line", location.Line);
                json.WriteNumber("column", location.Column);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (error.Path is { } path)
            {
                json.WriteStartArray("path");
                foreach (var segment in path)
                {
                    if (segment is int index) json.WriteNumberValue(index);
                    else json.WriteStringValue(segment.ToString());
                }

                json.WriteEndArray();
            }

            json.WriteStartObject("extensions");
            json.WriteString("classification", error.Classification);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>A small JSON object of string properties, e.g. RFC 6749 <c>{"error":...,"error_description":...}</c>.</summary>
    public static Task WriteObjectAsync(HttpContext context, int statusCode, params (string Name, string Value)[] properties)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            foreach (var (name, value) in properties)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
        }

        return WriteAsync(context, statusCode, buffer.WrittenMemory);
    }
}
