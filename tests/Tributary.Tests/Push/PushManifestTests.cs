using Microsoft.Extensions.Configuration;
using Tributary.Sources.Manifests;
using Tributary.Testing;

namespace Tributary.Tests.Push;

/// <summary>A push source's manifest is validated at start-up like any other: every problem names its setting.</summary>
public sealed class PushManifestTests
{
    private static Dictionary<string, string?> Valid() => new()
    {
        ["Sources:Counts:Id"] = "counts",
        ["Sources:Counts:Kind"] = "Push",
        ["Sources:Counts:Push:MediaTypes:0"] = "text/csv",
        ["Sources:Counts:Push:MediaTypes:1"] = "application/json",
        ["Sources:Counts:Push:Columns:0"] = "time",
        ["Sources:Counts:Push:Columns:1"] = "city",
        ["Sources:Counts:Push:Columns:2"] = "count",
        ["Sources:Counts:Push:KeySecretName"] = "counts-key",
        ["Sources:Counts:Push:Webhook:SecretName"] = "counts-hmac",
        ["Sources:Counts:Mapping:Time:Field"] = "time",
        ["Sources:Counts:Mapping:Location:From"] = "City",
        ["Sources:Counts:Mapping:Location:CityField"] = "city",
        ["Sources:Counts:Mapping:Values:0:Field"] = "count",
        ["Sources:Counts:Mapping:Values:0:Metric"] = "cyclist_count",
        ["Sources:Counts:Mapping:Values:0:Unit"] = "1",
    };

    private static string Problems(Dictionary<string, string?> settings) =>
        Assert.Throws<InvalidOperationException>(() => SourceManifests.Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())).Message;

    [Fact]
    public void A_valid_push_manifest_loads_as_pushed_and_not_pulled()
    {
        var manifests = SourceManifests.Load(new ConfigurationBuilder().AddInMemoryCollection(Valid()).Build());
        var counts = Assert.Single(manifests.Pushed);
        Assert.Equal(("counts", 300, 4 * 1024 * 1024L), (counts.Id, counts.Push!.Webhook!.ReplayWindowSeconds, counts.Push.MaxUploadBytes));
        Assert.Empty(manifests.Pulled);
        Assert.Null(manifests.ScheduleOf("counts"));
    }

    [Fact]
    public void The_shipped_city_counters_manifest_is_a_push_source_with_csv_json_and_a_webhook()
    {
        var manifest = ShippedManifests.Get("city-counters");
        Assert.Equal(SourceKind.Push, manifest.Kind);
        Assert.Equal(["text/csv", "application/json"], manifest.Push!.MediaTypes);
        Assert.Equal(["time", "city", "cyclists", "pedestrians"], manifest.Push.Columns);
        Assert.Equal(("city-counters-upload-key", "city-counters-webhook-secret"), (manifest.Push.KeySecretName, manifest.Push.Webhook!.SecretName));
        Assert.DoesNotContain(ShippedManifests.Load().Pulled, m => m.Id == "city-counters");
    }

    [Fact]
    public void Every_problem_of_a_push_manifest_names_its_setting()
    {
        var settings = Valid();
        settings["Sources:Counts:BaseUrl"] = "https://example.org";
        settings["Sources:Counts:Schedule"] = "0 * * * * *";
        settings["Sources:Counts:Push:MediaTypes:1"] = "application/xml";
        settings["Sources:Counts:Push:MaxUploadBytes"] = "0";
        settings["Sources:Counts:Push:KeyHeader"] = "x key";
        settings["Sources:Counts:Push:Webhook:ReplayWindowSeconds"] = "86400";
        settings["Sources:Counts:Push:Webhook:SignatureHeader"] = "x-tributary-timestamp";
        settings["Sources:Counts:Mapping:Values:0:Field"] = "counted";
        settings["Sources:Counts:Mapping:Values:0:UnitField"] = "units.count";
        settings["Sources:Counts:Mapping:Time:Convention"] = "OffsetField";
        settings["Sources:Counts:Mapping:Time:OffsetField"] = "utc_offset_seconds";
        var message = Problems(settings);
        foreach (var expected in new[]
                 {
                     "Sources:Counts:BaseUrl does not apply to a push source", "Sources:Counts:Schedule does not apply to a push source",
                     "Sources:Counts:Push:MediaTypes:1 'application/xml' must be text/csv or application/json",
                     "Sources:Counts:Push:MaxUploadBytes 0 must be 1..", "Sources:Counts:Push:KeyHeader 'x key' is not a valid header name",
                     "Sources:Counts:Push:Webhook:ReplayWindowSeconds 86400 must be 1..3600",
                     "Sources:Counts:Push:Webhook:SignatureHeader and TimestampHeader must differ",
                     "Sources:Counts:Mapping:Values:0:Field 'counted' is not one of Push:Columns (time, city, count)",
                     "Sources:Counts:Mapping:Values:0:UnitField reads a page-wide field",
                     "Sources:Counts:Mapping:Time:Convention OffsetField reads a page-wide field",
                 })
        {
            Assert.Contains(expected, message);
        }
    }

    [Fact]
    public void A_push_source_needs_its_named_secrets_a_city_per_row_and_something_to_receive()
    {
        var settings = Valid();
        settings.Remove("Sources:Counts:Push:KeySecretName");
        settings.Remove("Sources:Counts:Mapping:Location:CityField");
        settings["Sources:Counts:Push:Webhook:SecretName"] = "not a name!";
        var message = Problems(settings);
        Assert.Contains("Sources:Counts:Push:KeySecretName (the secret holding the upload key) is required", message);
        Assert.Contains("Sources:Counts:Mapping:Location:CityField is required for a push source", message);
        Assert.Contains("Sources:Counts:Push:Webhook:SecretName 'not a name!' must be", message);

        var nothing = new Dictionary<string, string?> { ["Sources:Counts:Id"] = "counts", ["Sources:Counts:Kind"] = "Push" };
        Assert.Contains("Sources:Counts:Push is required for a source with Kind Push", Problems(nothing));
    }

    [Fact]
    public void A_pulled_source_cannot_carry_a_push_part()
    {
        var message = Problems(new Dictionary<string, string?>
        {
            ["Sources:Pulled:Id"] = "pulled",
            ["Sources:Pulled:BaseUrl"] = "https://example.org",
            ["Sources:Pulled:Request:Path"] = "/x",
            ["Sources:Pulled:Push:KeySecretName"] = "k",
        });
        Assert.Contains("Sources:Pulled:Push applies only to a source with Kind Push", message);
    }
}
