using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Curation;
using Tributary.Marts;
using Tributary.Query;
using Tributary.Storage;

namespace Tributary.Tests.Marts;

public sealed class KpiCatalogTests
{
    [Fact]
    public void The_catalog_lists_every_kpi_with_its_unit_grains_and_dimensions()
    {
        using var provider = Pipeline();
        var catalog = provider.GetRequiredService<KpiQueryService>().Catalog();

        Assert.Equal(
            [
                ("thermal_comfort", "1", "city"), ("pm25_aqi", "1", "city"), ("on_time_performance", "%", "city,stopPlace"),
                ("mean_departure_delay", "s", "city,stopPlace"), ("cancellation_rate", "%", "city,stopPlace"),
                ("service_delivered", "%", "city,stopPlace"), ("commute_stress", "min", "city,stopPlace"),
                ("delay_exposure", "ug.h/m3", "city,stopPlace"), ("aq_adjusted_stress", "min", "city,stopPlace"),
            ],
            catalog.Metrics.Select(m => (m.Id, m.Unit, string.Join(",", m.Dimensions))));
        Assert.All(catalog.Metrics, m => Assert.Equal(["hour", "day"], m.Grains));
        Assert.All(catalog.Metrics, m => Assert.False(string.IsNullOrWhiteSpace(m.Name + m.Description)));
        Assert.Equal(["departure_delay", "apparent_temperature", "pm25"], catalog.Metrics.Single(m => m.Id == "aq_adjusted_stress").Inputs);
        Assert.Contains("5 min late", catalog.Metrics.Single(m => m.Id == "on_time_performance").Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kpi_is_one_class_and_one_registration_and_a_bad_one_stops_the_start()
    {
        using var provider = Pipeline(services => services.AddKpi<RushHourDelay>());
        Assert.Equal("rush_hour_delay", provider.GetRequiredService<KpiCatalog>().All[^1].Id);
        Assert.Single(provider.GetRequiredService<KpiCatalog>().AffectedBy([Metrics.WindSpeed], false)); // Only its own input.

        using var twice = Pipeline(services => services.AddKpi<RushHourDelay>().AddKpi<SameIdAgain>());
        var duplicate = Assert.Throws<InvalidOperationException>(() => twice.GetRequiredService<KpiCatalog>());
        Assert.Contains("'rush_hour_delay' is registered 2 times", duplicate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void On_time_thresholds_are_validated_at_start_up_naming_the_setting()
    {
        using var provider = Pipeline(settings: new() { ["Tributary:Kpis:OnTimeLatestSeconds"] = "-5" });
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<KpiOptions>>().Value);
        Assert.Contains("Tributary:Kpis:OnTimeLatestSeconds -5", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Pipeline(Action<IServiceCollection>? configure = null, Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [StorageNames.ConnectionSetting] = "UseDevelopmentStorage=true" })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddTributaryPipeline(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private sealed class RushHourDelay : KpiDefinition
    {
        public override string Id => "rush_hour_delay";
        public override string Name => "Windy waiting";
        public override string Unit => "m/s";
        public override string Description => "A KPI added by a test.";
        public override IReadOnlyList<string> Inputs { get; } = [Metrics.WindSpeed];
        public override IReadOnlyList<KpiDimension> Dimensions { get; } = [KpiDimension.City];
        public override KpiResult Compute(KpiInputs inputs) => new(1, null, 1, 1);
    }

    private sealed class SameIdAgain : KpiDefinition
    {
        public override string Id => "rush_hour_delay";
        public override string Name => "Again";
        public override string Unit => "1";
        public override string Description => "";
        public override IReadOnlyList<string> Inputs { get; } = [Metrics.WindSpeed];
        public override IReadOnlyList<KpiDimension> Dimensions { get; } = [KpiDimension.City];
        public override KpiResult Compute(KpiInputs inputs) => new(1, null, 1, 1);
    }
}
