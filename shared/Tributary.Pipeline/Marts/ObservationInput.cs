using Azure.Data.Tables;

namespace Tributary.Marts;

/// <summary>The parts of a stored observation a KPI needs.</summary>
internal sealed record ObservationInput(DateTimeOffset TimestampUtc, double? Value, string RawBlob)
{
    public static ObservationInput From(TableEntity row) =>
        new(row.GetDateTimeOffset("TimestampUtc") ?? default, row.GetDouble("Value"), row.GetString("RawBlob") ?? "");
}
