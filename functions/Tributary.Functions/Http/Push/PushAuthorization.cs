using Microsoft.AspNetCore.Http;

namespace Tributary.Functions.Http.Push;

/// <summary>
/// Who may upload to a push source: the source's own key (checked by <see cref="PushIngestFunction"/>), or an admin.
/// The upload route is anonymous to the host, so that a key of the source's own reaches the worker.
/// </summary>
internal static class PushAuthorization
{
    /// <summary>
    /// Whether the admin gate admits this request as an admin's. The one place the admin gate plugs into uploads;
    /// until it does, no request counts as an admin's here, so only the source's own key opens the route.
    /// </summary>
    public static bool AdminGateAllows(HttpRequest request) => false;
}
