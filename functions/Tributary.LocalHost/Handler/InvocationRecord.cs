using System.Text.Json.Nodes;

namespace Tributary.LocalHost.Handler;

/// <summary>One invocation the host made: what it sent and how it ended.</summary>
public sealed record InvocationRecord(
    string InvocationId,
    string FunctionName,
    JsonObject Payload,
    bool Succeeded,
    int? Status,
    string? Error,
    TimeSpan Duration);
