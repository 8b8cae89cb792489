using System.Text.Json;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.Entur.Auth;

/// <summary>
/// <c>POST /oauth/token</c> the way Entur's partner tenant answers client credentials: a JSON body with
/// <c>client_id</c>, <c>client_secret</c>, <c>audience</c> and <c>grant_type</c>. Errors use the RFC 6749 shape
/// (<c>{"error":...,"error_description":...}</c>); answers are never cached.
/// </summary>
internal sealed class TokenEndpoint(PartnerTokens tokens)
{
    public const string Route = "/oauth/token";

    public async Task RespondAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        Dictionary<string, string?>? fields = null;
        try
        {
            if (context.Request.HasJsonContentType())
            {
                fields = await JsonSerializer.DeserializeAsync<Dictionary<string, string?>>(context.Request.Body, cancellationToken: context.RequestAborted);
            }
        }
        catch (JsonException)
        {
            // Not an object of strings: refused below like any other unreadable body.
        }

        if (fields is null)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "The request body must be a JSON object of strings (Content-Type: application/json).");
            return;
        }

        var (clientId, secret, audience, grant) = (fields.GetValueOrDefault("client_id"), fields.GetValueOrDefault("client_secret"),
            fields.GetValueOrDefault("audience"), fields.GetValueOrDefault("grant_type"));
        if (grant != "client_credentials")
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, string.IsNullOrEmpty(grant) ? "invalid_request" : "unsupported_grant_type",
                string.IsNullOrEmpty(grant) ? "Missing required parameter: grant_type" : $"Unsupported grant type: {grant}");
            return;
        }

        if (string.IsNullOrEmpty(clientId) || secret is null || !tokens.IsClient(clientId, secret))
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "invalid_client", "Unauthorized: unknown client or wrong client secret.");
            return;
        }

        if (!string.IsNullOrEmpty(audience) && audience != EnturOptions.Audience)
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "access_denied", $"Service not enabled within domain: {audience}");
            return;
        }

        var (token, expiresIn) = tokens.Issue(clientId);
        await VendorResponse.SendJsonAsync(context, StatusCodes.Status200OK, new { access_token = token, expires_in = expiresIn, token_type = "Bearer" });
    }

    private static Task RefuseAsync(HttpContext context, int status, string error, string description) =>
        VendorResponse.SendJsonAsync(context, status, new { error, error_description = description });
}
