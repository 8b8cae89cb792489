using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tributary.Alerts;
using Tributary.Functions.Http.Caching;
using Tributary.Functions.Http.Security;
using Tributary.Functions.OpenApi;
using Tributary.Query;
using Tributary.Sources.Manifests;

namespace Tributary.Functions.Http;

/// <summary>
/// Alerts: <c>GET /api/v1/alerts</c> lists incidents (public read, like the dashboard's data-health badges);
/// <c>GET /api/v1/admin/alerts/rules</c> shows the configured rules to an admin, never the webhook secret.
/// </summary>
public sealed class AlertsFunctions(AlertStore alerts, IOptions<AlertsOptions> options, SourceManifests manifests, IOptions<JsonOptions> json)
{
    [Function("ListAlerts")]
    [OpenApiOperation("ListAlerts", "Alert incidents, newest first", Tag = "alerts",
        Description = "Incidents of the configured rules: open (default), resolved or all, optionally of the rules watching one source. Supports If-None-Match.")]
    [OpenApiQuery("state", "'open' (default), 'resolved' or 'all'.", Example = "open")]
    [OpenApiQuery("source", "A source id: only the rules watching it.", Example = "open-meteo")]
    [OpenApiQuery("limit", "At most this many incidents, 1 to 200; 50 by default.", Example = "50")]
    [OpenApiProblem(StatusCodes.Status400BadRequest, "A parameter is invalid; the problem names it.")]
    [OpenApiProblem(StatusCodes.Status404NotFound, "No source has that id.")]
    [OpenApiResponse(StatusCodes.Status304NotModified, null, "Not Modified: the If-None-Match ETag still matches.")]
    public async Task<Results<Ok<AlertList>, ProblemHttpResult, StatusCodeHttpResult>> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/alerts")] HttpRequest request)
    {
        string state;
        string? source;
        int limit;
        try
        {
            state = QueryValues.Text(request, "state") ?? AlertEntity.Open;
            if (state is not (AlertEntity.Open or AlertEntity.Resolved or "all"))
            {
                throw new KpiQueryException("state", $"'state' must be 'open', 'resolved' or 'all', not '{QueryText.Shorten(state)}'.");
            }
            source = QueryValues.Text(request, "source");
            limit = QueryValues.BoundedInt(request, "limit", 1, 200, 50);
        }
        catch (KpiQueryException ex)
        {
            return ApiProblems.InvalidParameter(ex.Parameter, ex.Message);
        }
        if (source is not null && manifests.ByKey.Values.All(m => m.Id != source))
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, "Unknown source",
                $"Unknown source '{QueryText.Shorten(source)}'. Known sources: {string.Join(", ", manifests.ByKey.Values.Select(m => m.Id).Order(StringComparer.Ordinal))}.", "source");
        }
        var list = new AlertList(state, source, await alerts.ListAsync(state, source, limit, request.HttpContext.RequestAborted));
        if (CachedJson.NotModified(request, list, json.Value.SerializerOptions, maxAgeSeconds: 30) is { } notModified) return notModified;
        return TypedResults.Ok(list);
    }

    [Function("GetAlertRules")]
    [AdminOperation]
    [OpenApiOperation("GetAlertRules", "The configured alert rules and whether a webhook is set (never its secret)", Tag = "admin")]
    [OpenApiResponse(StatusCodes.Status304NotModified, null, "Not Modified: the If-None-Match ETag still matches.")]
    public Results<Ok<AlertRulesResponse>, StatusCodeHttpResult> Rules(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/admin/alerts/rules")] HttpRequest request)
    {
        var value = options.Value;
        var response = new AlertRulesResponse(value.Rules, WebhookTarget(value.WebhookUrl), value.DeliverResolved);
        if (CachedJson.NotModified(request, response, json.Value.SerializerOptions, isPublic: false) is { } notModified) return notModified;
        return TypedResults.Ok(response);
    }

    /// <summary>Only the scheme, host and port: a webhook URL often carries a token in its path or query.</summary>
    private static string? WebhookTarget(string? url) =>
        string.IsNullOrWhiteSpace(url) ? null : Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
