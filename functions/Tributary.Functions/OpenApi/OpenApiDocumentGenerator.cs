namespace Tributary.Functions.OpenApi;
public sealed class OpenApiDocumentGenerator { }
