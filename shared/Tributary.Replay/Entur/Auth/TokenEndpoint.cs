using System.Buffers;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Tributary.Replay.Entur.Auth;

/// <summary>
/// <c>POST /oauth/token</c> the way Entur's partner tenant answers client credentials: a JSON body with
/// <c>client_id</c>, <c>client_secret</c>, <c>audience</c> and <c>grant_type</c>, or RFC 6749 form encoding with the
/// client in the body (<c>client_secret_post</c>) or in HTTP Basic. Errors use the RFC 6749 shape.
/// </summary>
internal sealed class TokenEndpoint(TokenStore tokens, IOptions<EnturOptions> options, ILogger<TokenEndpoint> logger)
{
    public const string Route = "/oauth/token";
    public const string ClientCredentials = "client_credentials";
    public const string BasicRealm = "entur-partner";

    public async Task RespondAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";

        TokenRequest request;
        try
        {
            request = await ReadAsync(context.Request, context.RequestAborted);
        }
        catch (TokenRequestException refused)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "invalid_request", refused.Message);
            return;
        }

        if (request.BasicClientId is not null && (request.Fields.ContainsKey("client_secret") || (request.Fields.TryGetValue("client_id", out var bodyClientId) && bodyClientId != request.BasicClientId)))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "The client must authenticate with one method only: HTTP Basic or client_secret in the body.");
            return;
        }

        switch (request.Fields.GetValueOrDefault("grant_type"))
        {
            case null or "":
                await RefuseAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "Missing required parameter: grant_type");
                return;
            case not ClientCredentials:
                await RefuseAsync(context, StatusCodes.Status400BadRequest, "unsupported_grant_type", $"Unsupported grant type: {request.Fields["grant_type"]}");
                return;
        }

        var clientId = request.BasicClientId ?? request.Fields.GetValueOrDefault("client_id");
        var secret = request.BasicClientId is not null ? request.BasicSecret : request.Fields.GetValueOrDefault("client_secret");
        if (string.IsNullOrEmpty(clientId) || secret is null || !IsValidClient(clientId, secret))
        {
            if (request.BasicClientId is not null)
            {
                context.Response.Headers.WWWAuthenticate = $"Basic realm=\"{BasicRealm}\"";
            }

            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "invalid_client", string.IsNullOrEmpty(clientId)
                ? "Client authentication is required: client_id and client_secret, or HTTP Basic."
                : "Unauthorized: unknown client or wrong client secret.");
            return;
        }

        if (request.Fields.GetValueOrDefault("audience") is { Length: > 0 } audience && audience != EnturOptions.Audience)
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "access_denied", $"Service not enabled within domain: {audience}");
            return;
        }

        var (token, issued) = tokens.Issue(clientId);
        var lifetime = (int)(issued.ExpiresAt - issued.IssuedAt).TotalSeconds;
        EnturLog.TokenIssued(logger, clientId, issued.ExpiresAt);

        var body = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(body, EnturJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("access_token", token);
            json.WriteNumber("expires_in", lifetime);
            json.WriteString("token_type", "Bearer");
            json.WriteEndObject();
        }

        await EnturJson.WriteAsync(context, StatusCodes.Status200OK, body.WrittenMemory);
    }

    private bool IsValidClient(string clientId, string secret)
    {
        var client = options.Value.EffectiveClients.FirstOrDefault(candidate => candidate.ClientId == clientId);
        return client is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(client.ClientSecret), Encoding.UTF8.GetBytes(secret));
    }

    private Task RefuseAsync(HttpContext context, int statusCode, string error, string description)
    {
        EnturLog.TokenRefused(logger, error);
        return EnturJson.WriteObjectAsync(context, statusCode, ("error", error), ("error_description", description));
    }

    private static async Task<TokenRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (basicId, basicSecret) = ReadBasic(request.Headers.Authorization.ToString());
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType))
        {
            throw new TokenRequestException("Content-Type must be application/json or application/x-www-form-urlencoded.");
        }

        switch (contentType.MediaType?.ToLowerInvariant())
        {
            case "application/json":
                using (var document = await ParseJsonAsync(request, cancellationToken))
                {
                    if (document.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        throw new TokenRequestException("The request body must be a JSON object.");
                    }

                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        fields[property.Name] = property.Value.ValueKind switch
                        {
                            JsonValueKind.String => property.Value.GetString()!,
                            JsonValueKind.Null => string.Empty,
                            _ => throw new TokenRequestException($"Parameter '{property.Name}' must be a string."),
                        };
                    }
                }

                break;
            case "application/x-www-form-urlencoded":
                var form = await request.ReadFormAsync(cancellationToken);
                foreach (var (name, values) in form)
                {
                    if (values.Count > 1)
                    {
                        throw new TokenRequestException($"Parameter '{name}' must not be repeated.");
                    }

                    fields[name] = values.ToString();
                }

                break;
            default:
                throw new TokenRequestException("Content-Type must be application/json or application/x-www-form-urlencoded.");
        }

        return new TokenRequest(fields, basicId, basicSecret);
    }

    private static async Task<JsonDocument> ParseJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            throw new TokenRequestException("The request body is not valid JSON.");
        }
    }

    // RFC 6749 2.3.1: id and secret are form-encoded, then joined by a colon and Base64-encoded.
    private static (string? ClientId, string? Secret) ReadBasic(string authorization)
    {
        const string scheme = "Basic ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[scheme.Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0
                ? (FormDecode(decoded), string.Empty)
                : (FormDecode(decoded[..colon]), FormDecode(decoded[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return (string.Empty, null);
        }
    }

    private static string FormDecode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private sealed record TokenRequest(Dictionary<string, string> Fields, string? BasicClientId, string? BasicSecret);

    private sealed class TokenRequestException(string message) : Exception(message);
}
