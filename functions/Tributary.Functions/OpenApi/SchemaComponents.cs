using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Tributary.Functions.OpenApi;

/// <summary>
/// JSON schemas of body types under <c>components/schemas</c>, exported by System.Text.Json from the options the
/// API writes with, so property names and shapes are those on the wire. Every object type (the body and the
/// objects inside it) becomes its own component and is referenced with <c>$ref</c>.
/// </summary>
internal sealed class SchemaComponents
{
    private readonly OpenApiDocument _document;
    private readonly JsonSerializerOptions _options;
    private readonly Dictionary<string, Type> _names = [];
    private readonly Queue<Type> _pending = new();

    public SchemaComponents(OpenApiDocument document, JsonSerializerOptions writerOptions)
    {
        _document = document;
        _options = new JsonSerializerOptions(writerOptions)
        {
            // The writer's options read numbers from strings too (web defaults), which the exporter would publish as
            // "number or string"; responses always write numbers, so the schema says number.
            NumberHandling = JsonNumberHandling.Strict,
            // Without these every reference-typed property would be "or null" and none required; the types are
            // nullable-annotated records whose properties are always written, so say exactly that.
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            TypeInfoResolver = writerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver(),
        };
        _options.MakeReadOnly();
    }

    /// <summary>A schema for <paramref name="type"/>: a <c>$ref</c> to its component for objects, inline otherwise.</summary>
    public IOpenApiSchema SchemaFor(Type type)
    {
        IOpenApiSchema schema = _options.GetTypeInfo(type).Kind == JsonTypeInfoKind.Object ? Register(type) : Convert(Export(type));
        Flush();
        return schema;
    }

    private OpenApiSchemaReference Register(Type type)
    {
        var name = ComponentName(type);
        if (_names.TryGetValue(name, out var known))
        {
            if (known != type) throw new InvalidOperationException($"Schema name '{name}' is used by both {known.FullName} and {type.FullName}.");
        }
        else
        {
            _names.Add(name, type);
            _pending.Enqueue(type);
        }
        return new OpenApiSchemaReference(name, _document);
    }

    private void Flush()
    {
        _document.Components ??= new OpenApiComponents();
        _document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        while (_pending.TryDequeue(out var type))
        {
            _document.Components.Schemas[ComponentName(type)] = Convert(Export(type));
        }
    }

    private JsonNode Export(Type type) =>
        JsonSchemaExporter.GetJsonSchemaAsNode(_options, type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
                context.Path.IsEmpty || context.TypeInfo.Kind != JsonTypeInfoKind.Object ? node : RefTo(context.TypeInfo.Type, node),
        });

    /// <summary>A nested object as a <c>$ref</c>, keeping a <c>null</c> the exporter allowed for it.</summary>
    private JsonNode RefTo(Type type, JsonNode exported)
    {
        Register(type);
        var reference = new JsonObject { ["$ref"] = $"#/components/schemas/{ComponentName(type)}" };
        var nullable = exported["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null");
        return nullable ? new JsonObject { ["anyOf"] = new JsonArray(reference, new JsonObject { ["type"] = "null" }) } : reference;
    }

    private IOpenApiSchema Convert(JsonNode schema)
    {
        var parsed = OpenApiModelFactory.Parse<OpenApiSchema>(schema.ToJsonString(), OpenApiSpecVersion.OpenApi3_1, _document, out var diagnostic, OpenApiConstants.Json);
        if (parsed is null || diagnostic?.Errors.Count > 0)
        {
            throw new InvalidOperationException($"Exported schema could not be read as OpenAPI 3.1: {string.Join("; ", diagnostic?.Errors.Select(e => e.Message) ?? [])}\n{schema}");
        }
        return parsed;
    }

    /// <summary>A component key (letters, digits, <c>.-_</c>): the type name, generic arguments spelled out.</summary>
    private static string ComponentName(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`')]}Of{string.Concat(type.GetGenericArguments().Select(ComponentName))}"
            : type.Name;
}
