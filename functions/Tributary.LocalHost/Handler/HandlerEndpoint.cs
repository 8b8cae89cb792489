namespace Tributary.LocalHost.Handler;

/// <summary>Where the custom handler listens; known once it has started and answered <c>GET /</c>.</summary>
public sealed class HandlerEndpoint
{
    private readonly TaskCompletionSource<Uri> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Uri> Ready => _ready.Task;

    public void SetReady(Uri baseAddress) => _ready.TrySetResult(baseAddress);

    public void SetFailed(Exception error) => _ready.TrySetException(error);
}
