using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tributary.Configuration;

namespace Tributary.Sources.OpenMeteo;

/// <summary>
/// Pulls hourly weather for every configured city, one request (and so one raw page) per city. The window is
/// derived from the run time, not from the vendor's clock, so the same run always asks for the same hours.
/// </summary>
public sealed class OpenMeteoConnector(HttpClient http, IOptions<OpenMeteoOptions> options, IOptions<TributaryOptions> pipeline) : ISourceConnector
{
    public const string Id = "open-meteo";

    public string SourceId => Id;

    public async IAsyncEnumerable<RawPage> FetchAsync(DateTimeOffset runTime, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var city in pipeline.Value.EffectiveCities)
        {
            var uri = BuildRequestUri(options.Value, city, runTime);
            using var response = await SendAsync(uri, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new SourceRequestException(Id, (int)response.StatusCode,
                    $"GET {uri.GetLeftPart(UriPartial.Path)} for city '{city.Id}' answered {(int)response.StatusCode}: {VendorReason(body)}");
            }
            yield return new RawPage(city.Id, city.Id, body, "application/json");
        }
    }

    internal static Uri BuildRequestUri(OpenMeteoOptions options, City city, DateTimeOffset runTime)
    {
        var day = DateOnly.FromDateTime(runTime.UtcDateTime);
        var start = day.AddDays(-options.LookbackDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = day.AddDays(options.ForecastDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // timezone=GMT on purpose: with a named zone the vendor applies one offset to the whole series (DST gotcha).
        var query = string.Join('&',
            $"latitude={city.Latitude.ToString(CultureInfo.InvariantCulture)}",
            $"longitude={city.Longitude.ToString(CultureInfo.InvariantCulture)}",
            $"hourly={OpenMeteoVariables.QueryList}",
            "wind_speed_unit=ms",
            "timezone=GMT",
            $"start_date={start}",
            $"end_date={end}");
        return new UriBuilder(options.ForecastUrl!) { Query = query }.Uri;
    }

    private async Task<HttpResponseMessage> SendAsync(Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            return await http.GetAsync(uri, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            throw new SourceRequestException(Id, null, $"GET {uri.GetLeftPart(UriPartial.Path)} failed: {ex.Message}", ex);
        }
    }

    /// <summary>Open-Meteo errors look like <c>{"error":true,"reason":"..."}</c>.</summary>
    private static string VendorReason(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("reason", out var reason))
            {
                return reason.GetString() ?? "(no reason)";
            }
        }
        catch (JsonException)
        {
        }
        return body.Length == 0 ? "(empty body)" : "(body is not the vendor's error shape)";
    }
}
