using Microsoft.AspNetCore.Http;
using Tributary.Functions.Http.Security;

namespace Tributary.Functions.Http.Push;

/// <summary>
/// Who may upload to a push source: an admin (an admin key or a bearer token with the admin role, as the admin gate
/// decides), or the holder of the source's own key (checked by <see cref="PushIngestFunction"/>). The upload route is
/// anonymous to the host, so that either credential reaches the worker.
/// </summary>
public sealed class PushAuthorization(AdminAuthorizer admin)
{
    public async Task<bool> AdminAllowsAsync(HttpRequest request) =>
        await admin.DecideAsync(request.HttpContext) == AdminDecision.Allowed;
}
