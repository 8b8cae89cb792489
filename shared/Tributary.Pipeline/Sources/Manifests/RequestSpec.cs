namespace Tributary.Sources.Manifests;

public enum RequestKind
{
    /// <summary>REST GET; the answer is the page.</summary>
    Get,

    /// <summary>REST POST with <see cref="RequestSpec.Body"/>.</summary>
    Post,

    /// <summary>POST of <c>{"query", "variables"}</c>; a 200 with <c>errors</c> and no data is a failure.</summary>
    GraphQL,

    /// <summary>A file download (CSV, ZIP); conditional with ETag/Last-Modified, so an unchanged file is not landed again.</summary>
    Download,
}

/// <summary>
/// The request template. Values may hold placeholders: <c>{city.id}</c>, <c>{city.latitude}</c>,
/// <c>{city.longitude}</c>, <c>{item.id}</c>, <c>{item.&lt;attribute&gt;}</c>, <c>{window.start:format}</c>,
/// <c>{window.end:format}</c>, <c>{run.time:format}</c> (formats are .NET date formats; the instants are UTC).
/// </summary>
public sealed class RequestSpec
{
    public RequestKind Kind { get; set; } = RequestKind.Get;

    /// <summary>Path under the base URL, e.g. <c>/v3/sensors/{item.id}/hours</c>.</summary>
    public string Path { get; set; } = "";

    public Dictionary<string, string> Query { get; set; } = [];

    /// <summary>Extra headers (never secrets: those come from <see cref="AuthSpec"/>), e.g. <c>ET-Client-Name</c>.</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary>JSON body template for <see cref="RequestKind.Post"/>.</summary>
    public string? Body { get; set; }

    /// <summary>The GraphQL document for <see cref="RequestKind.GraphQL"/>.</summary>
    public string? GraphQLQuery { get; set; }

    /// <summary>GraphQL variables; string values are templates, numbers stay numbers (write them as strings that parse).</summary>
    public Dictionary<string, string> Variables { get; set; } = [];

    /// <summary>Media type of the page as landed (decides the blob extension); default <c>application/json</c>.</summary>
    public string ContentType { get; set; } = "application/json";
}
