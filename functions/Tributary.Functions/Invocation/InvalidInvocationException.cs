namespace Tributary.Functions.Invocation;

/// <summary>The host's invocation body is not shaped as the function's bindings declare.</summary>
public sealed class InvalidInvocationException(string message) : Exception(message);
