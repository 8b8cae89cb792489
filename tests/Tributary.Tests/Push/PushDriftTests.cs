using System.Text;
using Tributary.Configuration;
using Tributary.Quality;
using Tributary.Sources.Mapping;
using Tributary.Testing;

namespace Tributary.Tests.Push;

/// <summary>A JSON upload is an array of rows at the page's root: its shape is checked against the mapping like any page's.</summary>
public sealed class PushDriftTests
{
    private static readonly PayloadSchema Schema =
        new DeclarativeMapper(ShippedManifests.Get("city-counters"), TributaryOptions.DefaultCities.ToDictionary(c => c.Id)).Schema;

    private static IReadOnlyList<DriftChange> Detect(string body, string name = "upload.json") =>
        PayloadDrift.Detect(new MemoryStream(Encoding.UTF8.GetBytes(body)), name, Schema);

    [Fact]
    public void Rows_as_the_mapping_reads_them_are_no_drift()
    {
        Assert.Empty(Detect("""[{"time":"2026-11-20T08:00:00Z","city":"oslo","cyclists":1,"pedestrians":null}]"""));
        Assert.Empty(Detect("[]"));
        // A CSV upload is not JSON; its header is checked by the mapping itself.
        Assert.Empty(Detect("time,city,cyclists,pedestrians\n", "upload.csv"));
    }

    [Fact]
    public void A_renamed_or_retyped_column_is_drift()
    {
        var changes = Detect("""[{"time":"2026-11-20T08:00:00Z","city":"oslo","bikes":1,"pedestrians":"many"}]""");
        Assert.Contains(changes, c => c.Field == "[].cyclists" && c.Kind == DriftKind.Missing);
        Assert.Contains(changes, c => c.Field == "[].bikes" && c.Kind == DriftKind.Added);
        Assert.Contains(changes, c => c.Field == "[].pedestrians" && c.Kind == DriftKind.TypeChanged);
    }
}
