using Microsoft.Extensions.Options;
using Tributary.Curation;
using Tributary.Marts;
using Tributary.Marts.Formulas;
using Tributary.Marts.Kpis;

namespace Tributary.Tests.Marts;

/// <summary>Each KPI's formula on one hand-made bucket (data-sources.md section 8), with no storage involved.</summary>
public sealed class KpiFormulaTests
{
    private static readonly DateTimeOffset Hour = new(2026, 11, 22, 7, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(9.01, 1.0)]     // Inside the UTCI no-thermal-stress band (9, 26].
    [InlineData(26.0, 1.0)]
    [InlineData(9.0, 1.0)]      // At the lower edge the cold slope gives 1 - 0.02 * 0.
    [InlineData(-11.0, 0.6)]    // The worked example of data-sources.md: CF = 0.6 at Ta = -11.
    [InlineData(-31.0, 0.2)]    // 1 - 0.02 * 40 = 0.2, the floor.
    [InlineData(-60.0, 0.2)]    // Never below the floor.
    [InlineData(31.0, 0.8)]     // Heat slope is twice as steep: 1 - 0.04 * 5.
    [InlineData(50.0, 0.2)]
    public void Thermal_comfort_factor_follows_the_published_formula(double apparentTemperature, double expected) =>
        Assert.Equal(expected, ThermalComfort.Factor(apparentTemperature), 10);

    [Fact]
    public void On_time_performance_counts_cancellations_as_late_and_leaves_out_departures_without_real_time_data()
    {
        // D = {-60, 0, 300, 301, -61}: on time are -60, 0 and 300 (both edges are inside); C = 1; one ScheduledOnly.
        // OTP = 100 * 3 / (5 + 1) = 50; coverage = 6 known of 7 departures.
        var result = Otp().Compute(Departures(Delay(-60), Delay(0), Delay(300), Delay(301), Delay(-61), Cancelled(), ScheduledOnly()));
        Assert.Equal((50.0, 6), (result.Value, result.Used));
        Assert.Equal(6.0 / 7, result.Coverage, 10);
    }

    [Fact]
    public void On_time_thresholds_come_from_the_options()
    {
        // With a rail window of 0..180 s only 0 and 180 are on time: 100 * 2 / 4 = 50.
        var rail = new OnTimePerformance(Options.Create(new KpiOptions { OnTimeEarliestSeconds = 0, OnTimeLatestSeconds = 180 }));
        Assert.Equal(50.0, rail.Compute(Departures(Delay(-1), Delay(0), Delay(180), Delay(181))).Value);
    }

    [Fact]
    public void Bad_on_time_thresholds_are_reported_naming_the_setting()
    {
        var problems = new KpiOptions { OnTimeEarliestSeconds = 60, OnTimeLatestSeconds = -1 }.Validate().ToList();
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("Tributary:Kpis:OnTimeEarliestSeconds", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Tributary:Kpis:OnTimeLatestSeconds", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_bucket_without_a_known_departure_has_no_value_and_says_why_instead_of_zero()
    {
        var onlyScheduled = Departures(ScheduledOnly(), ScheduledOnly());
        var otp = Otp().Compute(onlyScheduled);
        Assert.Equal((null, KpiReasons.NoRealtimeDepartures), (otp.Value, otp.Reason));
        Assert.Equal(KpiReasons.NoRealtimeDepartures, new MeanDepartureDelay().Compute(onlyScheduled).Reason);
        Assert.Equal(KpiReasons.NoDepartures, new CancellationRate().Compute(Departures()).Reason);
        Assert.Equal(KpiReasons.MissingApparentTemperature, new ThermalComfortFactor().Compute(Inputs((Metrics.ApparentTemperature, [Reading(null)]))).Reason);
        Assert.Equal(KpiReasons.MissingPm25, new Pm25AqiEquivalent().Compute(Inputs((Metrics.Pm25, [Reading(null)]))).Reason);
    }

    [Fact]
    public void Mean_delay_is_signed_and_cancellation_rate_is_over_every_listed_departure()
    {
        // Mean of D = (-60 + 0 + 180) / 3 = 40 s. Cancellation rate = 100 * 1 / 5 listed departures = 20 %.
        var bucket = Departures(Delay(-60), Delay(0), Delay(180), Cancelled(), ScheduledOnly());
        Assert.Equal(40.0, new MeanDepartureDelay().Compute(bucket).Value);
        Assert.Equal(20.0, new CancellationRate().Compute(bucket).Value);
    }

    [Fact]
    public void Commute_stress_is_the_worked_example_of_the_design()
    {
        // Lateness mean = (0 + 180 + 360) / 3 = 180 s = 3.0 min (the early departure counts 0); CF(-11) = 0.6; CSS = 3.0 / 0.6 = 5.0.
        var bucket = Inputs(
            (Metrics.DepartureDelay, [Delay(-120), Delay(180), Delay(360)]),
            (Metrics.ApparentTemperature, [Reading(-11)]));
        Assert.Equal(5.0, new CommuteStress().Compute(bucket).Value!.Value, 10);
        Assert.Equal(KpiReasons.MissingApparentTemperature,
            new CommuteStress().Compute(Inputs((Metrics.DepartureDelay, [Delay(60)]))).Reason);
    }

    [Fact]
    public void Air_quality_penalises_stress_only_above_good_and_exposure_is_dose_while_waiting()
    {
        // CSS = 5.0 as above. PM2.5 mean 45.0 -> AQI 124 -> factor 1 + 74 / 100 = 1.74 -> 8.7.
        // Exposure = 45 ug/m3 * (180 s / 3600) h = 2.25 ug.h/m3.
        var polluted = Inputs(
            (Metrics.DepartureDelay, [Delay(-120), Delay(180), Delay(360)]),
            (Metrics.ApparentTemperature, [Reading(-11)]),
            (Metrics.Pm25, [Reading(40), Reading(50)]));
        Assert.Equal(8.7, new AirQualityAdjustedStress().Compute(polluted).Value!.Value, 10);
        Assert.Equal(2.25, new DelayExposure().Compute(polluted).Value!.Value, 10);

        // AQI 44 (8 ug/m3) is "Good": no penalty, the score stays 5.0.
        var clean = Inputs(
            (Metrics.DepartureDelay, [Delay(-120), Delay(180), Delay(360)]),
            (Metrics.ApparentTemperature, [Reading(-11)]),
            (Metrics.Pm25, [Reading(8)]));
        Assert.Equal(5.0, new AirQualityAdjustedStress().Compute(clean).Value!.Value, 10);
    }

    [Fact]
    public void Service_delivered_compares_only_the_stop_hours_and_quays_the_boards_covered()
    {
        // Board saw Q1 (stop place A) at 07: two real-time departures and one cancelled.
        // Scheduled: Q1 07 = 4 (counted), Q1 08 = 9 (hour the board never reached), Q9 07 = 5 (quay never on a board).
        // Delivered = 2 real-time / 4 scheduled = 50 %; coverage = 3 seen / 4 scheduled = 0.75.
        var bucket = Inputs(
            (Metrics.DepartureDelay, [Delay(0, "Q1", "A"), Delay(30, "Q1", "A"), Cancelled("Q1", "A")]),
            (Metrics.ScheduledDepartures, [Reading(4, "Q1", "A"), Reading(9, "Q1", "A", Hour.AddHours(1)), Reading(5, "Q9", null)]));
        var result = new ServiceDelivered().Compute(bucket);
        Assert.Equal((50.0, 2, 0.75), (result.Value, result.Used, result.Coverage));
        Assert.Equal(KpiReasons.NoScheduledDepartures,
            new ServiceDelivered().Compute(Inputs((Metrics.DepartureDelay, [Delay(0, "Q1", "A")]))).Reason);
    }

    private static OnTimePerformance Otp() => new(Options.Create(new KpiOptions()));

    private static KpiInputs Departures(params InputObservation[] departures) => Inputs((Metrics.DepartureDelay, departures));

    private static KpiInputs Inputs(params (string Metric, InputObservation[] Observations)[] byMetric) =>
        new(KpiGrain.Hour, Hour, byMetric.ToDictionary(m => m.Metric, m => (IReadOnlyList<InputObservation>)m.Observations));

    private static InputObservation Delay(double seconds, string quay = "Q1", string? stopPlace = "A") =>
        new(Hour, seconds, QualityFlags.None, quay, stopPlace);

    private static InputObservation Cancelled(string quay = "Q1", string? stopPlace = "A") =>
        new(Hour, null, QualityFlags.Cancelled, quay, stopPlace);

    private static InputObservation ScheduledOnly() => new(Hour, 0, QualityFlags.ScheduledOnly, "Q1", "A");

    private static InputObservation Reading(double? value, string location = "city:oslo", string? stopPlace = null, DateTimeOffset? at = null) =>
        new(at ?? Hour, value, value is null ? QualityFlags.Missing : QualityFlags.None, location, stopPlace);
}
