namespace Tributary.Push;

/// <summary>
/// An upload or delivery refused for what the caller sent: the HTTP status to answer, a short title and the request
/// part at fault (<c>body</c>, <c>Content-Type</c>, a header name). The message never holds a secret or a whole value.
/// </summary>
public sealed class PushRejectedException(int status, string title, string parameter, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public string Parameter { get; } = parameter;
}
