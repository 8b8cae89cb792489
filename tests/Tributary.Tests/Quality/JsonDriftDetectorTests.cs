using System.Text.Json;
using Tributary.Quality;
using Tributary.Sources.OpenAq;
using Tributary.Testing;

namespace Tributary.Tests.Quality;

public sealed class JsonDriftDetectorTests
{
    private static IReadOnlyList<DriftChange> Detect(string json, PayloadSchema schema)
    {
        using var doc = JsonDocument.Parse(json);
        return JsonDriftDetector.Detect(doc.RootElement, schema);
    }

    private static readonly PayloadSchema OpenAq = new OpenAqHoursMapper(new Dictionary<string, Configuration.City>()).Schema;

    private const string Hour = """{"value":7.1,"flagInfo":{"hasFlags":false},"parameter":{"id":2,"name":"pm25","units":"µg/m³"},"period":{"datetimeFrom":{"utc":"2026-11-22T09:00:00Z"},"datetimeTo":{"utc":"2026-11-22T10:00:00Z"}},"coordinates":null,"summary":null,"coverage":null}""";

    [Fact]
    public void A_page_as_the_mapper_reads_it_has_no_drift_and_neither_has_an_empty_page()
    {
        Assert.Empty(Detect($$"""{"meta":{},"results":[{{Hour}},{{Hour}}]}""", OpenAq));
        Assert.Empty(Detect("""{"meta":{},"results":[]}""", OpenAq));
    }

    [Fact]
    public void A_renamed_field_is_one_missing_and_one_added_field_and_a_retyped_one_says_both_kinds()
    {
        var renamed = Hour.Replace("\"value\"", "\"val\"", StringComparison.Ordinal).Replace("\"pm25\"", "25", StringComparison.Ordinal);
        var changes = Detect($$"""{"results":[{{renamed}}]}""", OpenAq);
        Assert.Equal(
            [("results[].parameter.name", DriftKind.TypeChanged, "string", "number"), ("results[].val", DriftKind.Added, "", "number"), ("results[].value", DriftKind.Missing, "number|null", "")],
            changes.Select(c => (c.Field, c.Kind, c.Expected, c.Actual)).OrderBy(c => c.Field, StringComparer.Ordinal));
    }

    [Fact]
    public void The_declared_Open_Meteo_mapping_knows_its_columns_and_notices_a_new_one()
    {
        var schema = new global::Tributary.Sources.Mapping.DeclarativeMapper(ShippedManifests.Get("open-meteo"), new Dictionary<string, Configuration.City>()).Schema;
        var page = """
            {"utc_offset_seconds":0,"hourly_units":{"time":"iso8601"},
             "hourly":{"time":["2026-11-22T00:00"],"temperature_2m":[1.0],"apparent_temperature":[null],"relative_humidity_2m":[80],
                       "wind_speed_10m":[3.0],"precipitation":[0.0],"dew_point_2m":[-2.0]}}
            """;
        var change = Assert.Single(Detect(page, schema));
        Assert.Equal(("hourly.dew_point_2m", DriftKind.Added, "array"), (change.Field, change.Kind, change.Actual));
        var retyped = """
            {"utc_offset_seconds":0,"hourly":{"time":"2026-11-22T00:00","temperature_2m":[1.0],"apparent_temperature":[null],
             "relative_humidity_2m":[80],"wind_speed_10m":["3.0"],"precipitation":[0.0]}}
            """;
        Assert.Equal([("hourly.time", DriftKind.TypeChanged, "string"), ("hourly.wind_speed_10m[]", DriftKind.TypeChanged, "string")],
            Detect(retyped, schema).Select(c => (c.Field, c.Kind, c.Actual)).OrderBy(c => c.Field, StringComparer.Ordinal));
    }
}
