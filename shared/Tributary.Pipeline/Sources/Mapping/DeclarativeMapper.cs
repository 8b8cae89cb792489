using System.Text.Json;
using Tributary.Configuration;
using Tributary.Curation;
using Tributary.Quality;
using Tributary.Sources.Manifests;

namespace Tributary.Sources.Mapping;

/// <summary>
/// The mapper of a source whose manifest declares a <see cref="MappingSpec"/>: reads the records, converts each
/// declared value to its canonical unit and each time to UTC, and rejects (never drops) what it cannot read.
/// A whole field that is missing, or served in a unit that cannot be converted, rejects that field's values once.
/// </summary>
public sealed class DeclarativeMapper : ISourceMapper
{
    private readonly MappingSpec _spec;
    private readonly IReadOnlyDictionary<string, City> _cities;
    private readonly TimeReader _time;

    // The header a CSV page must have, or null when the source takes no CSV (only push sources do).
    private readonly IReadOnlyList<string>? _csvColumns;

    public DeclarativeMapper(SourceManifest manifest, IReadOnlyDictionary<string, City> cities)
    {
        _spec = manifest.Mapping ?? throw new ArgumentException($"Source '{manifest.Id}' declares no Mapping.", nameof(manifest));
        SourceId = manifest.Id;
        _csvColumns = manifest.Push is { } push && push.MediaTypes.Any(t => t.Trim().Equals(PushSpec.Csv, StringComparison.OrdinalIgnoreCase)) ? push.Columns : null;
        _cities = cities;
        _time = new TimeReader(_spec.Time);
        Schema = SchemaOf(_spec);
        Units = _spec.Values.ToDictionary(v => v.Metric, v => v.Unit, StringComparer.Ordinal);
    }

    /// <summary>The canonical unit of each metric it maps.</summary>
    public IReadOnlyDictionary<string, string> Units { get; }

    public string SourceId { get; }

    /// <summary>Derived from the declaration: exactly the fields it maps, and the record object closed, so a new field is noticed.</summary>
    public PayloadSchema Schema { get; }

    /// <summary>Whether a landed page is a CSV upload (by the extension its media type gave it), read row by row.</summary>
    public static bool IsCsvPage(string blobName) => blobName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public MappingResult Map(Stream payload, RawPageContext context)
    {
        if (IsCsvPage(context.BlobName))
        {
            if (_csvColumns is null) throw new MalformedPayloadException($"Page '{context.BlobName}' is CSV, but source '{SourceId}' reads JSON only.");
            return Map(new CsvRecords(CsvTable.Read(payload, [.. _csvColumns], $"Page '{context.BlobName}'")), null, context);
        }
        using var doc = JsonPayload.Parse(payload, context);
        var root = doc.RootElement;
        return Map(RecordSet.Open(root, _spec, context), root, context);
    }

    /// <param name="root">The JSON page, for page-wide fields (offsets, units); null for a CSV page, which has none.</param>
    private MappingResult Map(RecordSet records, JsonElement? root, RawPageContext context)
    {
        var offset = root is { } page ? _time.PageOffset(page, context) : TimeSpan.Zero;
        // A record that names its city (CityField) is placed record by record; otherwise the request placed the page.
        var recordCity = _spec.Location.CityField is not null;
        var pageLocation = recordCity ? null : RecordLocation.ForPage(_spec.Location, context, _cities);
        var cityId = recordCity ? "" : pageLocation?.CityId ?? context.KnownCity(_cities, "the request must name the page's city").Id;

        var rejected = new List<RejectedRecord>();
        var usable = new RecordHeader?[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            usable[i] = ReadHeader(records, i, offset, pageLocation, cityId, rejected);
        }

        var observations = new List<Observation>(records.Count * _spec.Values.Count);
        foreach (var value in _spec.Values)
        {
            if (!records.Has(value.Field))
            {
                rejected.Add(new RejectedRecord(records.FieldLocator(value.Field), "field missing from the response", null));
                continue;
            }
            if (Conversion(root, value) is not { } conversion)
            {
                var served = ServedUnit(root, value);
                rejected.Add(new RejectedRecord(value.UnitField ?? records.FieldLocator(value.Field), $"unit '{served}' cannot be converted to {value.Unit}", null));
                continue;
            }
            for (var i = 0; i < records.Count; i++)
            {
                if (usable[i] is not { } header) continue; // Rejected above, with its reason.
                var cell = records.Get(i, value.Field);
                if (ToObservation(value, header, cell, conversion) is { } observation) observations.Add(observation);
                else rejected.Add(new RejectedRecord(records.Locator(i, value.Field), "value is not a number or null", cell?.GetRawText()));
            }
        }
        return new MappingResult(observations, rejected);
    }

    private RecordHeader? ReadHeader(RecordSet records, int i, TimeSpan offset, RecordLocation? pageLocation, string cityId, List<RejectedRecord> rejected)
    {
        if (records.Problem(i) is { } problem)
        {
            rejected.Add(new RejectedRecord(records.RecordLocator(i), problem, records.RawRecord(i)));
            return null;
        }
        var timeCell = records.Get(i, _spec.Time.Field);
        string? reason = null;
        var time = timeCell is { } t ? _time.Read(t, offset, out reason) : null;
        if (time is null)
        {
            rejected.Add(new RejectedRecord(records.Locator(i, _spec.Time.Field), timeCell is null ? "time missing" : reason!, timeCell?.GetRawText()));
            return null;
        }
        if (_spec.Location.CityField is { } cityField)
        {
            if (RecordLocation.CityOf(records, i, cityField, _cities, out reason) is not { } city)
            {
                rejected.Add(new RejectedRecord(records.Locator(i, cityField), reason!, records.Get(i, cityField)?.GetRawText()));
                return null;
            }
            if (_spec.Location.From == LocationSource.City) pageLocation = RecordLocation.ForCity(city);
            cityId = city.Id;
        }
        var location = pageLocation ?? RecordLocation.ForRecord(_spec.Location, records, i, cityId, out reason);
        if (location is null)
        {
            rejected.Add(new RejectedRecord(records.Locator(i, _spec.Location.IdField!), reason!, records.Get(i, _spec.Location.IdField!)?.GetRawText()));
            return null;
        }
        return new RecordHeader(time.Value, location, RecordFlags(records, i));
    }

    private QualityFlags RecordFlags(RecordSet records, int index)
    {
        var flags = QualityFlags.None;
        foreach (var flag in _spec.Flags)
        {
            if (records.Get(index, flag.Field) is not { } cell) continue;
            var set = flag.Below is { } below ? cell.ValueKind == JsonValueKind.Number && cell.GetDouble() < below
                : flag.EqualsValue is { } expected ? (cell.ValueKind == JsonValueKind.String ? cell.GetString() : cell.GetRawText()) == expected
                : cell.ValueKind == JsonValueKind.True;
            if (set) flags |= flag.Flag;
        }
        return flags;
    }

    private Observation? ToObservation(ValueSpec spec, RecordHeader header, JsonElement? cell, UnitConversion conversion)
    {
        var start = spec.Label == PeriodLabel.End ? header.Time.AddSeconds(-spec.PeriodSeconds) : header.Time;
        double? value;
        var flags = header.Flags;
        if (cell is null || cell.Value.ValueKind == JsonValueKind.Null)
        {
            value = null;
            flags |= QualityFlags.Missing;
        }
        else if (cell.Value.ValueKind == JsonValueKind.Number && cell.Value.TryGetDouble(out var raw) && double.IsFinite(raw))
        {
            value = conversion.Apply(raw);
            if (!conversion.IsIdentity) flags |= QualityFlags.UnitConverted;
            if (value < spec.Min || value > spec.Max) flags |= QualityFlags.OutOfRange;
        }
        else
        {
            return null;
        }
        var where = header.Location;
        return new Observation(SourceId, spec.Metric, where.LocationId, where.CityId, where.Latitude, where.Longitude,
            start, spec.PeriodSeconds, value, spec.Unit, flags, $"{where.KeyPart}|{spec.Metric}|{start:yyyyMMdd'T'HHmm}");
    }

    private static string ServedUnit(JsonElement? root, ValueSpec spec) =>
        (spec.UnitField is { } path && root is { } page && Paging.JsonPath.Find(page, path) is { ValueKind: JsonValueKind.String } unit ? unit.GetString() : null)
        ?? spec.VendorUnit ?? spec.Unit;

    private static UnitConversion? Conversion(JsonElement? root, ValueSpec spec) =>
        UnitConversion.TryFind(ServedUnit(root, spec), spec.Unit, spec.MolarMass, out var conversion) ? conversion : null;

    private static PayloadSchema SchemaOf(MappingSpec spec)
    {
        const FieldKinds Any = (FieldKinds)127;
        var columns = spec.Layout == RecordLayout.Columns;
        var records = spec.Records;
        // Where a record's field lives: a column array's elements, or a field of every row.
        // A page that is itself the array of rows (Records empty, as a JSON upload is) has its cells at "[].{field}".
        string Cell(string field) => records.Length == 0 ? columns ? field : $"[].{field}" : columns ? $"{records}.{field}[]" : $"{records}[].{field}";
        var fields = new List<FieldExpectation>();
        if (records.Length > 0) fields.Add(new(records, columns ? FieldKinds.Object : FieldKinds.Array));
        if (columns && records.Length > 0)
        {
            fields.AddRange(spec.Values.Select(v => new FieldExpectation($"{records}.{v.Field}", FieldKinds.Array)));
            fields.Add(new($"{records}.{spec.Time.Field}", FieldKinds.Array));
        }
        fields.Add(new(Cell(spec.Time.Field), spec.Time.Convention == TimeConvention.UnixSeconds ? FieldKinds.Number : FieldKinds.String));
        fields.AddRange(spec.Values.Select(v => new FieldExpectation(Cell(v.Field), FieldKinds.Number | FieldKinds.Null)));
        fields.AddRange(spec.Values.Where(v => v.UnitField is not null).Select(v => new FieldExpectation(v.UnitField!, FieldKinds.String, Required: false)));
        fields.AddRange(spec.Flags.Select(f => new FieldExpectation(Cell(f.Field), Any, Required: false)));
        if (spec.Time.OffsetField is { } offset && spec.Time.Convention == TimeConvention.OffsetField) fields.Add(new(offset, FieldKinds.Number));
        if (spec.Location.CityField is { } cityField) fields.Add(new(Cell(cityField), FieldKinds.String));
        if (spec.Location.From == LocationSource.Fields)
        {
            fields.Add(new(Cell(spec.Location.IdField!), FieldKinds.String | FieldKinds.Number));
            foreach (var coordinate in new[] { spec.Location.LatitudeField, spec.Location.LongitudeField }.OfType<string>())
            {
                fields.Add(new(Cell(coordinate), FieldKinds.Number | FieldKinds.String | FieldKinds.Null, Required: false));
            }
        }
        string[] closed = records.Length == 0 ? columns ? [] : ["[]"] : [columns ? records : records + "[]"];
        return new PayloadSchema(fields, closed);
    }

    private sealed record RecordHeader(DateTimeOffset Time, RecordLocation Location, QualityFlags Flags);
}
