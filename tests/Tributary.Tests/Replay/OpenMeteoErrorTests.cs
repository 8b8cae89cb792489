using System.Net;
using System.Text.Json;
using static Tributary.Tests.Replay.OpenMeteoQueries;

namespace Tributary.Tests.Replay;

public sealed class OpenMeteoErrorTests
{
    [Theory]
    [InlineData("/v1/archive?latitude=59.91&longitude=10.75&hourly=temperature_2m", "Both 'start_date' and 'end_date' must be set in the url")]
    [InlineData("/v1/archive?latitude=59.91&longitude=10.75&start_date=2025-01-01", "Both 'start_date' and 'end_date' must be set in the url")]
    [InlineData("/v1/forecast?latitude=59.91&longitude=10.75&hourly=temperature_2m,tempeture_2m", "Cannot initialize WeatherVariable from invalid String value tempeture_2m for key hourly")]
    [InlineData("/v1/forecast?longitude=10.75", "Value of type 'Float' required for key 'latitude'.")]
    [InlineData("/v1/forecast?latitude=north&longitude=10.75", "Value of type 'Float' required for key 'latitude'.")]
    [InlineData("/v1/forecast?latitude=91&longitude=10.75", "Latitude must be in range of -90 to 90°. Given: 91.0.")]
    [InlineData("/v1/forecast?latitude=59.91,60.39&longitude=10.75", "Parameter 'latitude' and 'longitude' must have the same number of elements")]
    [InlineData("/v1/forecast?latitude=59.91&longitude=10.75&past_days=93", "Past days is invalid. Allowed range 0 to 92. Given 93.")]
    [InlineData("/v1/forecast?latitude=59.91&longitude=10.75&forecast_days=17", "Forecast days is invalid. Allowed range 0 to 16. Given 17.")]
    [InlineData("/v1/forecast?latitude=59.91&longitude=10.75&past_days=one", "Value of type 'Int' required for key 'past_days'.")]
    [InlineData("/v1/forecast?latitude=59.91&longitude=10.75&timezone=Mars/Olympus_Mons", "Invalid timezone")]
    [InlineData("/v1/forecast?latitude=59.91&longitude=10.75&wind_speed_unit=mps", "Cannot initialize WindspeedUnit from invalid String value mps for key wind_speed_unit")]
    [InlineData("/v1/forecast?latitude=59.91&longitude=10.75&timeformat=rfc3339", "Cannot initialize Timeformat from invalid String value rfc3339 for key timeformat")]
    [InlineData("/v1/archive?latitude=59.91&longitude=10.75&start_date=2025/01/01&end_date=2025-01-02", "Invalid date format. Make sure to use 'YYYY-MM-DD'")]
    [InlineData("/v1/archive?latitude=59.91&longitude=10.75&start_date=2025-02-30&end_date=2025-03-02", "Invalid date")]
    [InlineData("/v1/archive?latitude=59.91&longitude=10.75&start_date=2025-01-05&end_date=2025-01-02", "End-date must be larger or equals than start-date")]
    [InlineData("/v1/archive?latitude=59.91&longitude=10.75&start_date=1939-12-31&end_date=2025-01-02", "Parameter 'start_date' is out of allowed range from 1940-01-01 to 2025-01-15")]
    [InlineData("/v1/forecast?latitude=59.91&longitude=10.75&start_date=2025-01-10&end_date=2025-01-11&past_days=1", "Parameter 'past_days' is mutually exclusive with 'start_date' and 'end_date'")]
    public async Task Invalid_requests_answer_400_with_the_vendors_reason(string pathAndQuery, string reason)
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.GetAsync(pathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(["reason", "error"], body.EnumerateObject().Select(p => p.Name));
        Assert.True(body.GetProperty("error").GetBoolean());
        Assert.Equal(reason, body.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Archive_with_dates_answers_200_with_trailing_nulls_for_days_not_yet_reanalysed()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var archive = await server.GetJsonAsync(Archive($"{Oslo}&hourly={AllVariables}&start_date=2025-01-01&end_date=2025-01-15"));

        var temperatures = Values(archive, "temperature_2m").Select(Number).ToArray();
        Assert.Equal(15 * 24, temperatures.Length);
        Assert.Equal("2025-01-01T00:00", Times(archive)[0]);

        // Default lag 5 days behind 2025-01-15T10:30Z: data ends with the hour 2025-01-10T10:00.
        var lastArchived = Array.IndexOf(Times(archive), "2025-01-10T10:00");
        Assert.All(VariableNames, variable => Assert.All(Values(archive, variable).Skip(lastArchived + 1), v => Assert.Equal(JsonValueKind.Null, v.ValueKind)));
        Assert.True(temperatures.Take(lastArchived + 1).Count(t => t is not null) > lastArchived * 0.9);
    }
}
